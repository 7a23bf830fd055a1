"""The career reader: dates as résumés print them, positions, totals, education, the document's own date."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from skillgap import TaxonomyError, read_document
from skillgap.documents.career import read_career, union_months
from skillgap.documents.careervocab import career_file, load_career_vocabulary
from skillgap.documents.dates import date_reader
from skillgap.documents.degrees import degree_finder
from skillgap.documents.filedate import docx_date, pdf_date


@pytest.fixture(scope="module")
def dates():
    return date_reader(load_career_vocabulary())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DATA ENGINEER\tJuly 2018 - Present", [("2018-07", None, True)]),
        ("Jan 2019 – Mar 2021", [("2019-01", "2021-03", False)]),
        ("01/2019 - 03/2021", [("2019-01", "2021-03", False)]),
        ("2019-2021", [("2019", "2021", False)]),
        ("Summer 2020", [("2020", "2020", False)]),
        ("Fall 2011 - Spring 2012", [("2011", "2012", False)]),
        ("March 2015", [("2015-03", "2015-03", False)]),
        ("06/15 - Now", [("2015-06", None, True)]),
        ("2002/08  2007/06", [("2002-08", "2007-06", False)]),
        ("Aug. 2014-present.", [("2014-08", None, True)]),
        ("Nov 2019 to Till Date", [("2019-11", None, True)]),
        ("2020 Present Frontend developer", [("2020", None, True)]),
        ("2018 - Designed and deployed", [("2018", None, False)]),
        ("08/2016 ï1⁄4 12/2016 Company Name", [("2016-08", "2016-12", False)]),
        ("Jan'19 – Mar'20", [("2019-01", "2020-03", False)]),
        ("from Dec' 2015 to Sept' 2016", [("2015-12", "2016-09", False)]),  # a quote mark before a full year
        ("Last Modified: 11-Sep-20", [("2020-09", "2020-09", False)]),
        ("2017 july - 2019 october", [("2017-07", "2019-10", False)]),
        ("2019 october - now", [("2019-10", None, True)]),
        ("2012 , November TINKOFF BANK", [("2012-11", "2012-11", False)]),
        ("B.S. 2014 March 2015", [("2014", "2015-03", False)]),  # the month is the next date's
        ("no date here, present tense", []),
        ("2019-01 - 2021-03", [("2019-01", "2021-03", False)]),  # ISO months
        ("2019-01-15", [("2019-01", "2019-01", False)]),
        ("2010-12", [("2010", "2010", False)]),  # before 2013 a two-digit tail may be an end year: not a month
        ("2004/---", [("2004", None, False)]),  # the end left blank
        ("2004 – ?", [("2004", None, False)]),
        ("2004/ 2013", [("2004", "2013", False)]),
        ("2017/18", []),
        ("SQL Server 2005/2008 R2", []),  # versions, not a range
        ("Start: 01/2019\tEnd: 03/2021", [("2019-01", "2021-03", False)]),
        ("From Jan 2019 to Mar 2021", [("2019-01", "2021-03", False)]),
        ("since 2019", [("2019", None, True)]),
        ("15/01/2019 - 31/03/2020", [("2019-01", "2020-03", False)]),  # day first
        ("01/15/2019 - 03/31/2020", [("2019-01", "2020-03", False)]),  # month first when the day cannot be a month
        ("03.04.2019 - 05.06.2020", [("2019-04", "2020-06", False)]),
        ("45/67/2019 - Present", []),
        ("Oct 2018 – until now", [("2018-10", None, True)]),
        ("Q1 2019 - Q3 2020", [("2019", "2020", False)]),  # a quarter names no month
        ("Medical mission trip, Bulgaria, May-June 2007", [("2007-05", "2007-06", False)]),  # two months, one year
        ("Jan. - Mar. 2019", [("2019-01", "2019-03", False)]),
        ("June to Sept 2020", [("2020-06", "2020-09", False)]),
        ("Nov - Feb 2015", [("2014-11", "2015-02", False)]),  # a later month is the year before's
        ("staff may - June 2007", [("2007-06", "2007-06", False)]),  # a verb in lower case is no month
    ],
)
def test_every_date_format_of_real_resumes(dates, text, expected):
    got = [(str(r.start), None if r.end is None else str(r.end), r.current) for r in dates.ranges(text)]
    assert got == expected


RESUME = """Jane Roe
Experience
Data Engineer\tJan 2019 - Present
Built ETL pipelines in Python.
Data Engineering Intern, Acme Corp\t06/2018 - 08/2018
Wrote SQL reports.
Accountant
2010 - 2012
Kept the books.
Volunteering
Volunteer at Food Bank\t2015 - 2016
Education
B.Sc. in Computer Science, State University\t2014 - 2018
"""


@pytest.fixture(scope="module")
def career():
    return read_career(read_document(RESUME, kind="resume"), as_of=date(2021, 1, 15))


def test_positions_have_title_employer_dates_kind_and_span(career):
    rows = [(p.title, p.employer, p.start, p.end, p.current, p.kind) for p in career.positions]
    assert rows == [
        ("Data Engineer", None, date(2019, 1, 1), None, True, "job"),
        ("Data Engineering Intern", "Acme Corp", date(2018, 6, 1), date(2018, 8, 1), False, "internship"),
        ("Accountant", None, date(2010, 1, 1), date(2012, 1, 1), False, "job"),
        ("Volunteer", "Food Bank", date(2015, 1, 1), date(2016, 1, 1), False, "volunteer"),
    ]
    first = career.positions[0]
    assert RESUME[first.span[0] : first.span[1]].strip() == "Data Engineer\tJan 2019 - Present\nBuilt ETL pipelines in Python."
    third = career.positions[2]
    assert RESUME[third.span[0] : third.span[1]].startswith("Accountant\n2010 - 2012")  # title on the line above
    assert (third.start_year_only, third.end_year_only) == (True, True)


def test_total_months_is_the_union_of_jobs_and_internships_up_to_as_of(career):
    # 2019-01 .. 2021-01 = 24, 2018-06 .. 2018-08 = 2, 2010-06 .. 2012-06 = 24 (a year alone counts as June)
    assert career.total_months() == 50
    assert career.total_months(as_of=date(2020, 1, 1)) == 38
    assert (career.as_of, career.as_of_source) == (date(2021, 1, 15), "given")


def test_education_level_field_and_year(career):
    assert [(e.level, e.field, e.end_year) for e in career.education] == [("bachelor", "Computer Science", 2018)]
    assert career.highest_level == "bachelor"


LIVECAREER = """Experience
04/2015 to 10/2016
PeopleSoft Security Administrator III Company Name ï1⁄4 City , State
Managed user access.
July 2015 to September 2015
Company Name City , State Consultant
Prepared tax returns.
Sales Manager 01/2013 to 03/2015
Company Name – City , State
Surpassed annual quota by 125% in 2014.
Education
Diploma Bolton High School ï1⁄4 City , State
Diploma : auto body Iowa Central Community College 2013
"""


def test_livecareer_titles_beside_the_anonymised_employer_and_dates_inside_sentences():
    career = read_career(read_document(LIVECAREER, kind="resume"), as_of=date(2021, 8, 8))
    rows = [(p.title, p.employer, p.start, p.end) for p in career.positions]
    assert rows == [
        ("PeopleSoft Security Administrator III", None, date(2015, 4, 1), date(2016, 10, 1)),  # title below, 10 words with the placeholder
        ("Consultant", None, date(2015, 7, 1), date(2015, 9, 1)),  # title after "Company Name City , State"
        ("Sales Manager", None, date(2013, 1, 1), date(2015, 3, 1)),  # "in 2014." is a bullet's date, not an entry
    ]


def test_a_range_opening_a_run_on_paragraph_under_a_title_opens_an_entry():
    text = (
        "Experience\nSales Consultant\n"
        "November 2013 to Current Company Name \u00ef1\u20444 City , State Proactively manages day-to-day activities and supervision of a team of Customer Service\n"
        "Representatives, route sales and collections, with the best results of the region in 2012 and\n"
        "2014 - 2015 as the lead of the regional expansion of the company into four new states and markets of the Midwest.\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 8, 8))
    assert [(p.title, p.start, p.current) for p in career.positions] == [("Sales Consultant", date(2013, 11, 1), True)]  # the wrapped "2014 - 2015" is not


def test_livecareer_title_after_the_placeholder_on_the_date_line_and_the_lone_city():
    text = (
        "Experience\nSourced loans and developed team members lending knowledge on various products and\nsolutions\n"
        "Company Name March 2008 to March 2010 Senior Loan Officer\nCity , State\nClosed loans.\n"
        "Product Development Manager\nJanuary 2005 to March 2008 Company Name \u00ef1\u20444 City\nBuilt products.\n"
        "12/2001 - 06/2004\nCompany Name \u00ef1\u20444 City Project Manager\nLed teams.\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 8, 8))
    assert [(p.title, p.start) for p in career.positions] == [
        ("Senior Loan Officer", date(2008, 3, 1)),  # not the wrapped bullet's "solutions" above
        ("Product Development Manager", date(2005, 1, 1)),
        ("Project Manager", date(2001, 12, 1)),
    ]


def test_a_date_line_alone_over_its_livecareer_title_line():
    text = (
        "Experience\n03/2002 to 12/2004\nGlobal Channel Manager Company Name \u00ef1\u20444 City , State\nGrew sales across the region, with partners in lending\n"
        "and workplace banking\n07/2000 to 02/2002\nSenior Business Development Officer Company Name \u00ef1\u20444 City , State\nOpened accounts.\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 8, 8))
    assert [(p.title, p.start) for p in career.positions] == [
        ("Global Channel Manager", date(2002, 3, 1)),
        ("Senior Business Development Officer", date(2000, 7, 1)),  # not the paragraph's "and workplace banking" above
    ]
    assert "workplace banking" in text[career.positions[0].span[0] : career.positions[0].span[1]]


def test_livecareer_heads_whose_first_sentence_runs_on_after_the_title():
    text = (
        "Experience\n"
        "Company Name City , State Membership Sales Representative 01/2015 to Current Achieve monthly individual and team sales and attrition goals\n"
        "by enrolling prospective members in the club. Support the Club, programs, staff and members.\n"
        "Company Name City , State Health & Wellness Coach 08/2014 to 01/2015 Achieved personal training and fitness non-dues revenue program\n"
        "sales goals.\n"
        "05/2008 to 05/2014\n"
        "Owner/ manager Company Name \u00ef1\u20444 City , State I was responsible as the owner for all the shop and its operations.\n"
        "I also did all the H R work.\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 8, 8))
    assert [(p.title, p.start, p.current) for p in career.positions] == [
        ("Membership Sales Representative", date(2015, 1, 1), True),  # the text before the date, not the sentence after it
        ("Health & Wellness Coach", date(2014, 8, 1), False),
        ("Owner/ manager", date(2008, 5, 1), False),  # the line under a date alone, its sentence run on after the placeholder
    ]
    assert career.total_months() == 79 + 5 + 72


def test_sentences_that_name_a_whole_position_open_entries_once():
    text = (
        "Work Experience:\n\n• Working as Architect at Cognizant, Hyderabad from August 2017 to till date.\n\n"
        "WORK EXPERIENCE\n\nArchitect\n\nCognizant - Hyderabad, Telangana -\n\nAugust 2017 to Present\n\nDesigned the Azure platform.\n"
        "• Worked with Microsoft, Hyderabad as Software Engineer from January 2015 to Aug 2017.\n"
        "• Worked as Senior Software Engineer in Philips India Limited, Bangalore from October 2011 to\nDec 2014.\n"
        "Built WPF tools.\n"
        "• Worked with clients from 2008 to 2011 on data migration.\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2018, 6, 1))
    assert [(p.title, p.employer, p.start, p.end) for p in career.positions] == [
        ("Architect", "Cognizant", date(2017, 8, 1), None),  # the summary's sentence of the same dates is this entry again
        ("Software Engineer", "Microsoft", date(2015, 1, 1), date(2017, 8, 1)),
        ("Senior Software Engineer", "Philips India Limited", date(2011, 10, 1), date(2014, 12, 1)),  # "with clients" names no title: no entry
    ]
    first, last = career.positions[0], career.positions[-1]
    assert "Designed the Azure platform." in text[first.span[0] : first.span[1]]
    assert "Built WPF tools." in text[last.span[0] : last.span[1]]
    assert career.total_months() == 10 + 31 + 38


def test_a_head_with_a_title_word_names_its_employer_before_it():
    text = (
        "Experience\nKrisol Infosoft as Junior Web Developer\nJan 2019 - Present\nBuilt sites.\n"
        "TATA as COE Head Machine Learning, Data Science\nMar 2016 - Dec 2018\nLed the team.\n"
        "I have worked as Senior System Engineer in Infosys\nMay 2012 - Feb 2016\nRan systems.\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 8, 8))
    assert [(p.title, p.employer) for p in career.positions] == [
        ("Junior Web Developer", "Krisol Infosoft"),
        ("COE Head Machine Learning, Data Science", "TATA"),
        ("Senior System Engineer", "Infosys"),  # a verb before the title word names no employer
    ]


def test_an_entry_printed_twice_a_date_after_a_sentence_and_an_availability_date_open_no_entry():
    entries = "Account Manager , 07/2018 to 07/2019\nCompany Name - City , State\nManaged accounts.\nSales Executive , 06/2016 to 07/2018\nCompany Name - City , State\nSold.\n"
    text = (
        "Experience\n" + entries + "Work History\n" + entries
        + "Novo Nordisk is a healthcare company and a world leader in diabetes care. Since 1923\n"
        + "Job Availability Date August 1, 2014\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 8, 8))
    assert [(p.title, p.start) for p in career.positions] == [("Account Manager", date(2018, 7, 1)), ("Sales Executive", date(2016, 6, 1))]
    assert career.total_months() == 37


def test_a_range_between_words_of_a_sentence_and_a_year_opening_a_wrapped_line_open_no_entry():
    text = (
        "Work Experience\nSales Associate Nov 1996 to Feb 2008\nCompany Name \u00ef1\u20444 City , State\nSold jewelry.\n"
        "REASON FOR LEAVING\nLeft from 2003-2006 for move to overseas duty station in Guam.\n"
        "Implementation of revamped external website using SharePoint as the redesign toolset; project brought us to SharePoint\n"
        "2010 architecture providing vendor support and established new company branding.\n"
        "Bank Teller Feb 1991 to Aug 1993\nCompany Name \u00ef1\u20444 City , State\nCounted cash.\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 8, 8))
    assert [(p.title, p.start, p.end) for p in career.positions] == [
        ("Sales Associate", date(1996, 11, 1), date(2008, 2, 1)),
        ("Bank Teller", date(1991, 2, 1), date(1993, 8, 1)),
    ]
    assert career.total_months() == 135 + 30


def test_a_single_date_closing_a_sentence_without_a_full_stop_opens_no_entry():
    text = (
        "Work History\nConstruction Project Manager , 02/1999 to 02/2001\nCompany Name \u2013 City , State\n"
        "General contracting company purchased by Keyspan, large utility company, in 2000\nOversaw large crews.\n"
        "Sales Lead February 2016 to March 2017 Company Name \u00ef1\u20444 City , State\nTrained associates.\n"
        "(Assumed position at Brier Creek, Raleigh, NC location in October 2015)\nManaged the store.\n"
    )
    document = read_document(text, kind="resume")
    career = read_career(document, as_of=date(2021, 8, 8))
    assert [(p.title, p.start, p.end) for p in career.positions] == [
        ("Construction Project Manager", date(1999, 2, 1), date(2001, 2, 1)),
        ("Sales Lead", date(2016, 2, 1), date(2017, 3, 1)),
    ]
    assert "Oversaw large crews." in document.text[slice(*career.positions[0].span)]  # the lines below the sentence stay the job's
    assert document.text[slice(*career.positions[1].span)].rstrip().endswith("Managed the store.")


@pytest.mark.parametrize(
    "text, expected, first_ends",
    [
        (  # livecareer: the title's range, the placeholder, the range again before the address
            "Experience\nAssistant Store Manager May 2014 to Current\nCompany Name \u00ef1\u20444 City , State\n"
            "05/2014 to Present 5241 McFarland Drive Durham NC, 27707 Supervisor: Stacyanne Belsky\nManages payroll.\n"
            "Store Management Intern Jun 2011 to Jan 2012\nCompany Name \u00ef1\u20444 City , State\n"
            "06/2011 to 01/2012 3050 Watson Blvd Warner Robins, GA 31093\nAssist store management.\n",
            [("Assistant Store Manager", date(2014, 5, 1), None), ("Store Management Intern", date(2011, 6, 1), date(2012, 1, 1))],
            "Manages payroll.",
        ),
        (  # Indeed: the dates line, then the range again over the duties (never the title);
            # entries further apart that repeat a job's dates are both kept
            "WORK EXPERIENCE\nNovember 2011 to June 2014\n"
            "November 2011- June 2014)\nProject / Service coordinator / Change Consultant\n\u2022 Managed PSTN service.\n"
            "PMO Analyst\nCommerzbank, Infosys BPO Ltd -\nOctober 2016 to May 2017\nBangalore\nOct 2016- May 2017\nTracked the plan.\n"
            "Analyst\nAcme Ltd -\nJune 2015 to June 2016\nBuilt reports.\nAnalyst\nAcme Ltd -\nJune 2015 to June 2016\nBuilt reports again.\n",
            [
                ("Project / Service coordinator / Change Consultant", date(2011, 11, 1), date(2014, 6, 1)),
                ("PMO Analyst", date(2016, 10, 1), date(2017, 5, 1)),
                ("Analyst", date(2015, 6, 1), date(2016, 6, 1)),
                ("Analyst", date(2015, 6, 1), date(2016, 6, 1)),
            ],
            "Managed PSTN service.",
        ),
    ],
)
def test_a_range_printed_again_on_the_first_lines_below_an_entry_is_that_entry_s(text, expected, first_ends):
    document = read_document(text, kind="resume")
    career = read_career(document, as_of=date(2021, 8, 8))
    assert [(p.title, p.start, p.end) for p in career.positions] == expected
    assert document.text[slice(*career.positions[0].span)].rstrip().endswith(first_ends)


def test_a_single_year_on_a_bullet_line_is_a_detail_of_the_entry_above():
    text = (
        "WORK EXPERIENCE\nTechnical Support Engineer\nMicrosoft iGTSC -  Bangalore, Karnataka -\nJuly 2013 to October 2015\n"
        "Exchange Server Knowledge\n\u27a2 Exchange Server 2007\n\u27a2 Exchange Server 2010\n"
        "\u2022 Participated in Carrom organized by Hostel Committee in 2016\n"
    )
    document = read_document(text, kind="resume")
    career = read_career(document, as_of=date(2021, 8, 8))
    assert [(p.title, p.employer, p.start, p.end) for p in career.positions] == [("Technical Support Engineer", "Microsoft iGTSC", date(2013, 7, 1), date(2015, 10, 1))]
    assert document.text[career.positions[0].span[1] - 8 :].strip() == "in 2016"  # the bullets are the entry's own lines


def test_a_sentence_beside_the_date_under_a_title_line_is_no_title():
    text = (
        "Work history\nBusiness Owner Butchery, Ekaterinburg, Russia\n"
        "Oct 2018 - Mar 2022 Created from scratch a highly profitable business for cutting and\nselling meat products;\n"
        "Developed the API endpoints (Django framework)\n"
        "2015 - 2017 Built the data layer and the reports of the sales system and\nmaintained it.\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2023, 1, 1))
    assert [(p.title, p.employer, p.start) for p in career.positions] == [
        ("Business Owner Butchery", "Ekaterinburg, Russia", date(2018, 10, 1)),
        ("Built the data layer and the reports of the sales system and", None, date(2015, 1, 1)),  # a bullet above is no title
    ]


def test_an_employer_taken_for_a_heading_continues_the_experience():
    text = (
        "Jane Doe\nEXPERIENCE\nACME CORP\nData Analyst\nJan 2019 - Present\nBuilt dashboards.\n"
        "GLOBAL SKILLS INC\nSoftware Engineer\nJan 2015 - Dec 2018\nWrote code.\n"
        "INFOSYS TECHNOLOGIES\nTrainee\tJan 2013 - Dec 2014\nLearned.\nEDUCATION\nBS in CS, 2012\n"
    )
    document = read_document(text, kind="resume")
    assert [s.name for s in document.sections] == ["experience", "skills", "education"]  # the sections reader's misreading
    career = read_career(document, as_of=date(2021, 1, 1))
    assert [(p.title, p.employer, p.start, p.section) for p in career.positions] == [
        ("Data Analyst", "ACME CORP", date(2019, 1, 1), "EXPERIENCE"),
        ("Software Engineer", "GLOBAL SKILLS INC", date(2015, 1, 1), "EXPERIENCE"),
        ("Trainee", None, date(2013, 1, 1), "EXPERIENCE"),
    ]


def test_employer_and_title_glued_on_one_line():
    text = (
        "Experience\nAcme Corp — Data Analyst\tJan 2019 - Present\nBuilt.\nData Engineer, Globex Inc., Boston, MA\t2016 - 2018\nBuilt.\n"
        "Initech Solutions | QA Lead\t2014 - 2016\nTested.\nLoss Prevention Supervisor - Floater\t2012 - 2014\nWatched.\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 1, 1))
    assert [(p.title, p.employer) for p in career.positions] == [
        ("Data Analyst", "Acme Corp"),
        ("Data Engineer", "Globex Inc."),
        ("QA Lead", "Initech Solutions"),
        ("Loss Prevention Supervisor - Floater", None),  # no part names a company: one title
    ]


def test_an_employer_taken_for_a_heading_further_down_continues_the_experience_when_dated():
    text = "Jane Doe\nEXPERIENCE\nAnalyst\tJan 2019 - Present\nBuilt.\nLanguages\nEnglish, Hebrew\nSber Technologies\nNov 2015 - Dec 2018\nBuilt services.\n"
    document = read_document(text, kind="resume")
    assert [s.name for s in document.sections] == ["experience", "languages", "skills"]
    career = read_career(document, as_of=date(2021, 1, 1))
    assert [(p.title, p.start) for p in career.positions] == [("Analyst", date(2019, 1, 1)), ("Sber Technologies", date(2015, 11, 1))]


def test_honours_with_lone_years_right_under_the_experience_do_not_continue_it():
    text = (
        "Experience\nEngineering Manager , 01/1999\nCompany Name\nAccomplishments\nHONORS Chairman's Club.\n"
        "1997 ATDC Graduate.\n2002 Winner MSMOT Business Plan Competition.\nEducation\nBS in CS, 1990\n"
    )
    document = read_document(text, kind="resume")
    assert [s.name for s in document.sections] == ["experience", "awards", "education"]
    career = read_career(document, as_of=date(2021, 8, 8))
    assert [(p.title, p.start) for p in career.positions] == [("Engineering Manager", date(1999, 1, 1))]
    # a livecareer "Accomplishments" line over the next job's range still continues it
    text = "Experience\nDirector , 01/2013\nCompany Name\nAccomplishments\n01/2011 to 01/2012\nRelocation Consultant Company Name\nServed clients.\n"
    jobs = read_career(read_document(text, kind="resume"), as_of=date(2021, 8, 8))
    assert [(p.title, p.start, p.end) for p in jobs.positions] == [("Director", date(2013, 1, 1), date(2013, 1, 1)), ("Relocation Consultant", date(2011, 1, 1), date(2012, 1, 1))]


@pytest.mark.parametrize(
    ("text", "sections", "expected", "total"),
    [
        (
            "Experience\nTeacher\nMarch 2013 to Current Company Name \u00ef1\u20444 City , State\nTaught.\nAccomplishments\n"
            "Recovered overpaid costs owed to TRS from vendors that totaled more than $5M.\nReduced the backlog of invoices by a half.\n"
            "Increased productivity by 30% as the lead accountant of the area.\nAdministrative Assistant\nJune 2007 to March 2013 Company Name\n"
            "Generated payment documents.\nAccounting Clerk\nJuly 2002 to October 2005 Company Name \u00ef1\u20444 City , State\nFiled.\n"
            "Education\nBachelor of Business Administration, 2012\n",
            ["experience", "awards", "education"],
            [("Teacher", date(2013, 3, 1), None), ("Administrative Assistant", date(2007, 6, 1), date(2013, 3, 1)), ("Accounting Clerk", date(2002, 7, 1), date(2005, 10, 1))],
            101 + 69 + 39,
        ),
        (  # a projects line over more entries; a range under a line ending in a detail label is a detail
            "Experience\nAugust 2014 to February 2015\nCompany Name Test Analyst\nTested e-commerce websites.\n"
            "Participated in stand up meetings. List of Retail Domain\nProjects:\nwww.maxshop.com\n"
            "October 2011 to February 2014\nCompany Name Quality Analyst\nTested the app store.\n"
            "Banking Domain: Project Name: E-Banking System Testing Type: Manual Duration:\nSep 2010- Feb 2011 Description: a banking web application.\n"
            "Education and Training\nBachelor of Engineering : Electronics , 2009\n",
            ["experience", "projects", "education"],
            [("Test Analyst", date(2014, 8, 1), date(2015, 2, 1)), ("Quality Analyst", date(2011, 10, 1), date(2014, 2, 1))],
            6 + 28,
        ),
    ],
)
def test_a_livecareer_line_inside_a_job_taken_for_a_heading_keeps_the_jobs_below_it(text, sections, expected, total):
    document = read_document(text, kind="resume")
    assert [s.name for s in document.sections] == sections
    career = read_career(document, as_of=date(2021, 8, 8))
    assert [(p.title, p.start, p.end) for p in career.positions] == expected
    assert career.total_months() == total


def test_an_unread_heading_line_ends_the_positions_above_it():
    text = "Experience\nWaiter\t2007 - 2011\nServed tables.\nAdditional Information\nHonor Roll\n1996-2009\nEducation\nBA in Communication, 2009\n"
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 8, 8))
    assert [(p.title, p.start, p.end) for p in career.positions] == [("Waiter", date(2007, 1, 1), date(2011, 1, 1))]


def test_a_position_over_sixty_years_is_left_out_of_the_totals_alone():
    text = "Experience\nFounder\tSince 1923\nAnalyst\t2015 - 2016\n"
    career = read_career(read_document(text, kind="resume"), as_of=date(2024, 6, 1))
    assert career.total_months() == 12
    assert ["over 60 years" in w for w in career.warnings] == [True]


def test_a_diploma_from_a_high_school_is_high_school():
    career = read_career(read_document(LIVECAREER, kind="resume"), as_of=date(2021, 8, 8))
    assert [(e.level, e.end_year) for e in career.education] == [("high_school", None), ("certificate", 2013)]


def test_a_degree_line_under_another_heading_adds_its_level_once():
    text = (
        "Experience\nBachelors degree - Applied Mathematics\nAnalyst\t2017 - 2019\nWrote reports.\n"
        "Education\nCertificate in Front End, Tel Aviv College 2020\nB.Sc. in Physics, Tel Aviv University 2016\n"
        "Summary\nM.A. in Literary Translation\nM.A. in Translation\nHighly motivated analyst with a masters degree\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 1, 1))
    assert [(e.level, e.field, e.institution, e.end_year) for e in career.education] == [
        ("certificate", "Front End", "Certificate in Front End, Tel Aviv College 2020", 2020),
        ("bachelor", "Physics", "B.Sc. in Physics, Tel Aviv University 2016", 2016),
        ("master", "Literary Translation", None, None),  # the bachelor line is a repeat of a level read; the second M.A. too
    ]
    assert career.highest_level == "master"


INDEED = """WORK EXPERIENCE

Senior Software Engineer

Cloud Lending Solutions -  Bangalore, Karnataka -

January 2018 to Present

Built Java services.
https://www.indeed.com/r/Jane-Roe/b2de315d95905b68?isid=rex-download

Cloud Lending Solutions -  Bangalore, Karnataka -

November 2016 to December 2017

Lead Engineer - Automation & Testing

Cisco Systems -

January 2014 to June 2015

DURATION Jan-2014 to Jun-2015
TEAM SIZE 20
Currently working as a consultant with Oracle in Bangalore since October 2015.
"""


def test_indeed_layout_title_then_employer_line_then_dates():
    career = read_career(read_document(INDEED, kind="resume"), as_of=date(2018, 6, 1))
    rows = [(p.title, p.employer, p.start, p.end, p.current) for p in career.positions]
    assert rows == [
        ("Senior Software Engineer", "Cloud Lending Solutions", date(2018, 1, 1), None, True),
        (None, "Cloud Lending Solutions", date(2016, 11, 1), date(2017, 12, 1), False),  # the URL line is no title
        ("Lead Engineer - Automation & Testing", "Cisco Systems", date(2014, 1, 1), date(2015, 6, 1), False),
    ]  # "DURATION <range>" is a detail of the entry, "since October 2015." a sentence's date
    first = career.positions[0]
    assert INDEED[first.span[0] : first.span[1]].startswith("Senior Software Engineer")  # the title is inside the entry's span


_INDEED_URL = "https://www.indeed.com/r/Jane-Roe/b2de315d95905b68?isid=rex-download&ikw=download-top&co=IN"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the URL footer of a page printed between title and employer, and between employer and dates
            "WORK EXPERIENCE\n\nTeam Member\n\nCisco -\n\nOctober 2017 to Present\n\nBuilt dashboards.\n\n"
            f"Senior developer and tester\n\n{_INDEED_URL}\n{_INDEED_URL}\n\n\nCisco -\n\nDecember 2014 to September 2017\n\nWrote Python.\n\n"
            f"Test Engineer\n\nInfosys Limited -\n\n{_INDEED_URL}\n\n\nJuly 2012 to January 2014\n\nProject Description:\nTested APIs.\n",
            [
                ("Team Member", "Cisco", date(2017, 10, 1), None),
                ("Senior developer and tester", "Cisco", date(2014, 12, 1), date(2017, 9, 1)),
                ("Test Engineer", "Infosys Limited", date(2012, 7, 1), date(2014, 1, 1)),
            ],
        ),
        (  # the employer line left blank: a dash alone
            "WORK EXPERIENCE\n\nLead Engineer\n\nCisco -  Bangalore, Karnataka -\n\nJune 2014 to Present\n\nBuilt tests\n\n"
            "Senior Systems Engineer\n\n-\n\nJune 2012 to June 2014\n\nWrote scripts\n\n"
            "Middle East language tester engineer\n\n-\n\n2006 to 2010\n",
            [
                ("Lead Engineer", "Cisco", date(2014, 6, 1), None),
                ("Senior Systems Engineer", None, date(2012, 6, 1), date(2014, 6, 1)),
                ("Middle East language tester engineer", None, date(2006, 1, 1), date(2010, 1, 1)),
            ],
        ),
    ],
)
def test_an_indeed_entry_s_head_keeps_its_title_across_a_url_footer_or_a_blank_employer_line(text, expected):
    career = read_career(read_document(text, kind="resume"), as_of=date(2018, 6, 1))
    assert [(p.title, p.employer, p.start, p.end) for p in career.positions] == expected


def test_a_date_that_cannot_be_read_leaves_the_field_none_with_a_warning():
    text = "Experience\nData Engineer, Acme\tJan 20019 - Present\n- Built Python pipelines.\nAnalyst, Beta\t2004/---\n- Reports.\nClerk, Gamma\t2001\n- Filing.\n"
    career = read_career(read_document(text, kind="resume"), as_of=date(2024, 6, 1))
    rows = [(p.title, p.start, p.end, p.current, p.date_text) for p in career.positions]
    assert rows == [
        ("Data Engineer", None, None, True, "Jan 20019 - Present"),  # an entry of its own, not text of the next one
        ("Analyst", date(2004, 1, 1), None, False, "2004/---"),
        ("Clerk", date(2001, 1, 1), date(2001, 1, 1), False, "2001"),  # the bullet's dash on the next line leaves no open end
    ]
    assert career.warnings == (
        "position 'Data Engineer': its start date could not be read ('Jan 20019 - Present'); left out of the totals",
        "position 'Analyst': its end date could not be read ('2004/---'); left out of the totals",
    )
    assert career.total_months() == 0  # only the single-date entry counts


def test_positions_under_a_heading_of_another_name_or_without_any_heading():
    merged = "Jane Roe\nTECHNICAL SKILLS\nJava, SQL\nPROFESSIONAL HISTORY\n2021 now Full-Stack Developer, Inetex\nBuilt services.\nEducation\nBSc, Tel Aviv University\t2012 - 2016\n"
    career = read_career(read_document(merged, kind="resume"), as_of=date(2023, 1, 1))
    assert [(p.title, p.start, p.current) for p in career.positions] == [("Full-Stack Developer", date(2021, 1, 1), True)]  # inside "skills": its heading was not known
    bare = "Jane Roe\nThe Ural Federal University | 2013 - 2014\nPinsteps | Nov 2020 - present\nMinute.ly | Nov 2019 - Jan 2020\n\u2022 Date of Birth\t: - 24th April 1996\n"
    career = read_career(read_document(bare, kind="resume"), as_of=date(2023, 1, 1))
    rows = [(p.title, p.start, p.end, p.current) for p in career.positions]
    assert rows == [("Pinsteps", date(2020, 11, 1), None, True), ("Minute.ly", date(2019, 11, 1), date(2020, 1, 1), False)]  # no university, no birth date


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Bachelor of Science : Marketing University of Nebraska \u00ef1\u20444 City , State", "Marketing"),
        ("M.Tech. in IT in VIT, Pune", "IT"),
        ("Bachelor of Engineering in Instrumentation Technology in", "Instrumentation Technology"),
        ("Associate of Applied Science : Graphic Design The Art Institute of New York City", "Graphic Design"),
        ("MBA in Finance, 2015", "Finance"),
    ],
)
def test_education_field_stops_before_the_institution(line, field):
    career = read_career(read_document("Education\n" + line + "\n", kind="resume"))
    assert [e.field for e in career.education] == [field]


def test_a_page_header_run_into_an_entry_line_is_not_part_of_it():
    text = (
        "Experience\nPROCESS ENGINEER 04/2012 - 05/2013 Company Name City\nImproved yield.\n"
        "Chu-Hsiang Wu Page 2 DESIGN and SELECTION of GRAVEL PACK and SAND CONTROL SCREENS, UT Austin Jun. 2013-present.\nBuilt models.\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2017, 1, 1))
    assert [(p.title, p.start, p.current) for p in career.positions] == [
        ("PROCESS ENGINEER", date(2012, 4, 1), False),
        ("DESIGN and SELECTION of GRAVEL PACK and SAND CONTROL SCREENS", date(2013, 6, 1), True),
    ]


def test_title_and_wrapped_employer_on_their_own_lines_above_the_dates():
    text = (
        "ADDITIONAL EXPERIENCE\nDeputy Joint Secretary\nBVPCOE Network Security Group\n2017\n"
        "It is a team of students who organize events.\nSports Head\nBVPCOE Electronics and Telecommunication\nStudent Association\n2017 \u2013 Present\n"
        "It is an association of students.\nVolunteer\nNSG Network Security Group\n2016 \u2013 2017\nVolunteering in the publicity team.\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2018, 9, 1))
    assert [(p.title, p.employer, p.kind) for p in career.positions] == [
        ("Deputy Joint Secretary", "BVPCOE Network Security Group", "job"),
        ("Sports Head", "BVPCOE Electronics and Telecommunication Student Association", "other"),  # a student organisation's office
        ("Volunteer", "NSG Network Security Group", "volunteer"),
    ]
    assert career.total_months() == 0  # the one job is a single date


def test_a_career_left_under_an_education_heading_without_an_experience_section():
    text = (
        "EDUCATION\n2008 2013 Applied Information Science in Economics\nBaikal State University\n"
        "Senior Python Developer, Tinkoff Bank\tMar 2019 - Feb 2022\nBuilt services.\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2023, 1, 1))
    assert [(p.title, p.employer, p.start, p.end) for p in career.positions] == [("Senior Python Developer", "Tinkoff Bank", date(2019, 3, 1), date(2022, 2, 1))]


def test_a_start_and_an_end_date_stacked_on_two_lines_make_one_range():
    text = (
        "Experience\n2020, June MTS GROUP (mts.ru), Russia\n2021, August Python Developer\nBuilt APIs.\n"
        "2019 Analyst, Acme\n2017 Clerk, Beta\n"  # one date per entry, newest first: not joined
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2023, 1, 1))
    assert [(p.start, p.end) for p in career.positions] == [(date(2020, 6, 1), date(2021, 8, 1)), (date(2019, 1, 1), date(2019, 1, 1)), (date(2017, 1, 1), date(2017, 1, 1))]


def test_union_counts_overlaps_once():
    assert union_months([(0, 10), (5, 12), (20, 21)]) == 13
    assert union_months([]) == 0


def test_bad_dates_warn_and_stay_out_of_totals():
    text = "Experience\nAnalyst\t2019 - 2017\nDid things.\nPlanner\tJan 2030 - Present\nWill do things.\nClerk\t2015 - 2016\n"
    career = read_career(read_document(text, kind="resume"), as_of=date(2024, 6, 1))
    assert career.total_months() == 12
    assert len(career.warnings) == 2
    assert "before the start" in career.warnings[0] and "after the reference date 2024-06" in career.warnings[1]


def test_no_positions_gives_no_total():
    career = read_career(read_document("Skills\nPython, SQL\nEducation\nMS in Statistics, 2020 University of X\n", kind="resume"))
    assert career.positions == () and career.total_months() is None
    assert career.highest_level == "master"


def test_printed_last_modified_date_is_the_reference():
    text = "ID: 6d29 Last Modified: 11-Sep-20\nExperience\nEngineer\tJan 2019 - Present\n"
    career = read_career(read_document(text, kind="resume"))
    assert career.as_of == date(2020, 9, 1)
    assert career.as_of_source == "printed 'Last Modified: 11-Sep-20'"
    assert career.total_months() == 20


def test_without_any_date_of_its_own_today_is_the_reference():
    career = read_career(read_document("Experience\nEngineer\tJan 2019 - Present\n", kind="resume"))
    assert career.as_of == date.today() and career.as_of_source.startswith("today")


def test_pdf_creation_date_and_docx_core_properties():
    assert pdf_date("D:20191103020131+05'30'") == (date(2019, 11, 3), "PDF metadata CreationDate")
    assert pdf_date("garbage") == (None, None)
    created, modified = datetime(2021, 1, 25, 13), datetime(2023, 3, 15, 14)
    assert docx_date("Igor", "Genady Kogan", created, modified)[0] == date(2021, 1, 25)  # a later save by someone else
    assert docx_date("Ruslan Ganiyev", "Ruslan G", created, modified)[0] == date(2023, 3, 15)  # the author's own save
    assert docx_date("Rusya", "Other", created, datetime(2021, 2, 1))[0] == date(2021, 2, 1)  # the same session
    assert docx_date("python-docx", "Curator", datetime(2013, 12, 23), modified)[0] == date(2023, 3, 15)  # template stamp


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("B.E. IN COMPUTER ENGINEERING", "bachelor"),
        ("MS/PhD in a quantitative discipline", "phd"),
        ("Master’s degree in Statistics", "master"),
        ("High School Diploma 2003", "high_school"),
        ("Associate of Applied Science : Electronics", "associate"),
        ("Skills: MS Office, Excel", None),
        ("Illustrator, XD. MS\nOffice: Access, Excel", None),  # the product name on the next line
        ("Cambridge, MA 02139", None),
        ("Certified Scrum Master", None),
        ("Certificate in Baking and Pastry", "certificate"),
        ("we can be reached at me@example.com", None),
        ("Licenciatura en Economía, Universidad de Chile", "bachelor"),
        ("A.A.S. Nursing; A.S. in Business", "associate"),
        ("Worked as a team lead; AS A TEAM LEAD", None),  # "a.s" counts only with its dots
        ("B.A.Sc. Engineering", "bachelor"),
        ("Doctor of Medicine, 2012", "phd"),
        ("Pharm.D., LL.B.", "phd"),
        ("LL.M. in Tax Law", "master"),
        ("Fine-tuned an LLM; Med-Surg nurse; Bed Bath & Beyond", None),
        ("GCSEs and A-Levels", "high_school"),
        ("12th (CBSE), 2010", "high_school"),
        ("Working as Assistant Manager-IT from 10th September 2011 to present", None),  # a day (Indeed)
        ("23rd July 2003 to 10th of February 2008; passed 12th in 2001", "high_school"),
        ("SSLC, 2007; S.S.L.C in PRIVATE", "high_school"),  # Indian school credentials (Indeed)
        ("Class XII, 2011; Class X, 2009", "high_school"),
        ("MS-Excel, MS-Access", None),  # a product after a hyphen too
        ("Help our partners master our systems; Master the tools", None),  # a verb
        ("WSEI (High School of Economics and Innovations)", None),  # a university's name
        ("Masters Certificate : Technology Project Management", "certificate"),
        ("AS in Nursing, 2015", "associate"),  # a word abbreviation before its field
        ("2001 AA : Liberal Arts", "associate"),
        ("Associate in Applied Science, Ivy Tech", "associate"),
        ("ADN, Nursing", "associate"),
        ("tools such as: Python; WORKED AS IN A TEAM; AS-IS process", None),  # the word "as"
        ("BSBA : Finance; BSEE", "bachelor"),
        ("MSCS, 2010", "master"),
        ("Smith & Associates, Inc.; Jones and Associates; Associates, LLC", None),  # companies
        ("Master of Ceremonies, 2015 gala", None),  # a role
        ("B. Tech in Electrical Engineering", "bachelor"),  # an abbreviation printed in pieces
        ("M. Sc. Physics, 2012", "master"),
        ("Ph. D. in Chemistry", "phd"),
        ("B-TECH, 2005", "bachelor"),
        ("B. E. in Civil Engineering", "bachelor"),
        ("Guided by Prof. M. A. Khan and Mr. B. S. Rao", None),  # initials, not degrees
        ("PGDBM, Narsee Monjee Institute", "certificate"),  # a post-graduate diploma
        ("Hr. Sec. School, 2010", "high_school"),
        ("MLIS , Library and Information Science 2001", "master"),
        ("J.D. : Criminal Law, Duke University Law School", "phd"),  # a professional doctorate
        ("Wrote the JD for every opening", None),  # a job description: only "J.D." is the degree
        ("B.B.M, Andhra University; BBM in education", "bachelor"),
        ("BTEC HNC in Aviation", "certificate"),  # a Higher National Certificate
        ("C.B.S.E., 2014; CBSE", "high_school"),  # India's school board: class 10 / 12
        ("MEd , Education 2000 Northwestern State University", "master"),  # printed with its inner capital
        ("BSEd in English; MSEd, 2012", "master"),
        ("BEd, Primary Teaching", "bachelor"),
        ("Med-Surg unit; MED TECH; BED BATH & BEYOND; Pre-Med track", None),  # the words, in other cases
        ("M.S.Ed. Literacy; M.A.T. Secondary Science", "master"),
        ("MBBS, AIIMS New Delhi; BDS, 2011", "bachelor"),  # medical and dental bachelors
        ("B.A.S. in Information Technology", "bachelor"),  # a Bachelor of Applied Science, not "A.S."
    ],
)
def test_degree_words(text, level):
    assert degree_finder(load_career_vocabulary()).highest(text) == level


def test_without_an_education_section_a_certificate_word_in_a_sentence_is_no_credential():
    text = "Jane Doe\nSummary\nAnalyst.\nWork\nConducted training sessions for new staff, 2015\nCertificate in Project Management, 2016\n"
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 1, 1))
    assert [(e.level, e.text) for e in career.education] == [("certificate", "Certificate in Project Management, 2016")]


def test_a_heading_that_opens_with_experience_holds_positions_whatever_else_it_names():
    text = "Jane Doe\nSkills\nJava\nExperience and participated projects:\n2020 Internship, Service Engineer, Center for Financial Technologies\nJava development\n"
    document = read_document(text, kind="resume")
    assert [s.name for s in document.sections] == ["skills", "projects"]
    career = read_career(document, as_of=date(2021, 1, 1))
    assert [(p.title, p.date_text, p.kind) for p in career.positions] == [("Internship", "2020", "internship")]
    combined = read_document("Jane Doe\nSkills\nJava\nExperience and Education\n2014 - 2018 B.E. in Computer Engineering, Pune University\n", kind="resume")
    assert [s.name for s in combined.sections] == ["skills", "education"]
    assert read_career(combined).positions == ()  # degree lines, not positions


def test_a_degree_line_taken_for_a_heading_continues_the_education():
    text = "Jane Doe\nWork Experience\nEngineer\nAcme - Pune -\nJune 2012 to Present\nEducation\nB Tech Honors in Technical\nCollege of Engineering - Roorkee\nCertifications\nCertified Scrum Master, 2015\n"
    document = read_document(text, kind="resume")
    assert [s.name for s in document.sections][-2:] == ["awards", "certifications"]  # the degree line read as a heading
    assert [(e.level, e.text, e.institution) for e in read_career(document).education] == [("bachelor", "B Tech Honors in Technical", "College of Engineering - Roorkee")]


def test_a_jobs_sentence_under_education_names_no_course():
    text = "Jane Doe\nEducation\nMay 2012 High School Diploma : General Business Ringgold High School\nSupervise others and provide on-the-job training. Stock shelves, and mark prices.\n2019: Online courses «T-SQL for beginners» from Udemy\n"
    career = read_career(read_document(text, kind="resume"))
    assert [e.level for e in career.education] == ["high_school", "certificate"]
    assert career.education[1].text == "2019: Online courses «T-SQL for beginners» from Udemy"


def test_a_line_beside_a_dated_degree_with_years_of_its_own_is_another_entry():
    text = (
        "Jane Doe\nEducation\n"
        "2017 – 2018 | Software Development | STEP Computer Academy (Almaty, Kazakhstan).\n"
        "2011 – 2015 | B.Sc. in Telematics | Kazakh-German University (Almaty, Kazakhstan).\n"
        "Anticipated graduation May 2021.\n"
        "Master of Science , Clinical Research 2021 Duke University\n"
        "Internal Medicine Residency 2013 Virginia Commonwealth University\n"
    )
    career = read_career(read_document(text, kind="resume"))
    assert [(e.level, e.end_year, e.expected) for e in career.education] == [("bachelor", 2015, False), ("master", 2021, True)]  # not 2018, not 2013
    assert career.education[0].span[0] == text.index("2011")


def test_a_programme_is_a_course_and_each_date_first_entry_keeps_the_school_lines_under_it():
    text = (
        "Jane Doe\nEDUCATION\n2008 2013 Applied Information Science in Economics\n"
        "The Federal State Budget Educational Institution of Higher Education Baikal State University\n"
        "2021 Special program for software developers' adaptation in accordance with Israel IT\n"
        "technologies by Ministry of Absorption and Jewish Agency of Israel.\nTel Ran Educational Center\n"
    )
    career = read_career(read_document(text, kind="resume"))
    assert [(e.level, e.end_year, e.institution) for e in career.education] == [
        ("certificate", 2021, None),
        ("other", 2013, "The Federal State Budget Educational Institution of Higher Education Baikal State University"),
    ]
    assert career.highest_level == "certificate"
    # beside a high-school word a programme names the school's diploma, not a course
    honours = read_career(read_document("Jane Doe\nEducation\nHigh School Diploma, Honors Program, 2009 Lincoln High School\n", kind="resume"))
    assert [e.level for e in honours.education] == ["high_school"]


def test_a_dated_course_line_naming_its_own_school_takes_no_university_line_beside_it():
    schools = "NTUDP (Dnipro Polytechnic National Technical University). Computer engineering\nDNURT (Dnipro National University of Rail Transport). Computer engineering\n"
    text = f"Jane Doe\nEducation:\n2018 Hillel IT school php development\n{schools}Languages knowledge:\nHebrew Beginner\n"
    entries = read_career(read_document(text, kind="resume")).education
    assert [(e.level, e.end_year, e.span) for e in entries] == [("certificate", 2018, (text.index("2018"), text.index("\nNTUDP")))]


def test_an_education_section_with_nothing_readable_gives_no_level_and_a_warning():
    career = read_career(read_document("Jane Doe\nEDUCATION\n\nElectrical engineering\n\nVSSUT,burla\n\nSKILLS\n\nJava\n", kind="resume"))
    assert (career.education, career.highest_level) == ((), None)
    assert career.warnings == ("education section 'EDUCATION': no degree, course or school could be read in it; the highest level is unknown (None)",)
    # a section that names its school gives its entry and no warning
    named = read_career(read_document("Jane Doe\nEDUCATION\n\nElectrical engineering\n\nVeer Surendra Sai University\n\nSKILLS\n\nJava\n", kind="resume"))
    assert ([e.level for e in named.education], named.warnings) == (["other"], ())


def test_an_indeed_entry_s_year_under_its_school_line_is_its_own_not_the_next_entry_s():
    text = (
        "Jane Doe\nWORK EXPERIENCE\nAnalyst\nAcme - Pune\nJune 2015 to Present\nEDUCATION\n\n"
        "MCA\n\nRCPET's I.M.R.D College - Jalgaon, Maharashtra\n\n2014\n\n"
        "B.Sc. in Physics\n\nPalesh Commerce College - Dhule, Maharashtra\n\n2010 to 2012\n\n"
        "HSC\n\nJai Hind College - Dhule, Maharashtra\n\n2007\n\nSKILLS\n\nJava\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 1, 1))
    assert [(e.level, e.end_year) for e in career.education] == [("master", 2014), ("bachelor", 2012), ("high_school", 2007)]
    # years printed over their degree lines stay with the degree under them
    above = "Jane Doe\nEducation\n2010\nBachelor of Science\nState University\n2014\nMaster of Science\nState University\n"
    assert [(e.level, e.end_year) for e in read_career(read_document(above, kind="resume")).education] == [("bachelor", 2010), ("master", 2014)]


def test_a_school_certificate_is_a_high_school_level():
    document = read_document("Jane Doe\nEducation\nHigher Secondary Certificate, 2008\nSecondary School Certificate, 2006\n", kind="resume")
    assert [e.level for e in read_career(document).education] == ["high_school", "high_school"]


def test_career_vocabulary_errors_name_file_entry_and_fix(tmp_path: Path):
    bad = tmp_path / "career.yaml"
    bad.write_text(career_file().read_text(encoding="utf-8").replace("    phd: [phd,", "    doctor: [phd,"), encoding="utf-8")
    with pytest.raises(TaxonomyError) as err:
        load_career_vocabulary(str(bad))
    assert err.value.source == str(bad) and err.value.entry == "education.levels" and "phd" in err.value.fix
    missing = tmp_path / "missing.yaml"
    missing.write_text("dates: {}\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="missing 'dates.months'"):
        load_career_vocabulary(str(missing))
    for entry, line in (("positions.title_joiners", "  title_joiners: [of,"), ("positions.run_on_ends", "  run_on_ends: [and,"), ("education.field_connectives", "  field_connectives: [in,")):
        broken = tmp_path / f"{entry}.yaml"
        broken.write_text(career_file().read_text(encoding="utf-8").replace(line, line.split(":")[0] + ": [1,"), encoding="utf-8")
        with pytest.raises(TaxonomyError) as err:
            load_career_vocabulary(str(broken))
        assert (err.value.source, err.value.entry, err.value.fix) == (str(broken), entry, "write - phrase")


def test_real_resume_positions(shared_data):
    doc = read_document(shared_data / "resumes_pdf" / "gh_pyresparser__OmkarResume.pdf", kind="resume")
    career = read_career(doc)
    assert (career.as_of, career.as_of_source) == (date(2019, 11, 3), "PDF metadata CreationDate")
    assert [(str(p.start_month), p.current, p.kind) for p in career.positions] == [
        ("2018-07", True, "job"),
        ("2018-06", False, "internship"),
        ("2017-10", False, "internship"),
        ("2017-07", False, "job"),
        ("2017-06", False, "internship"),
    ]
    assert career.total_months() == 23


def test_a_date_in_a_wrapped_sentence_opens_no_entry():
    text = (
        "Jane Doe\nExperience\nLoan Officer  November 2002 - June 2003\n"
        "Worked in a sub-prime lending retail office originating purchase and refinance loans, highest producer in the office\n"
        "for February 2003.\nIT thought leader and key note speaker at the in-memory compute summit in 2017\nand 2018\n"
        "Analyst  May 2001 - July 2002\nSupported the help desk.\n"
    )
    career = read_career(read_document(text, kind="resume"))
    assert [(p.title, str(p.start_month), str(p.end_month)) for p in career.positions] == [("Loan Officer", "2002-11", "2003-06"), ("Analyst", "2001-05", "2002-07")]


def test_a_lone_bullet_opens_the_head_of_the_entry_below_it():
    text = (
        "Jane Doe\nWork Experience\n•\nTATA as COE Head Machine Learning, Artificial Intelligence, Data Science\nNov 2019 to Till Date\n"
        "Heading the AI centre of excellence.\n•\nWhirlpool India as Senior Manager - Machine Learning, Artificial Intelligence, Data Science\n"
        "Jul 2018 to Nov 2019\nLed the data science team.\n"
    )
    career = read_career(read_document(text, kind="resume"))
    assert [(p.title, p.employer) for p in career.positions] == [
        ("COE Head Machine Learning, Artificial Intelligence, Data Science", "TATA"),
        ("Senior Manager - Machine Learning, Artificial Intelligence, Data Science", "Whirlpool India"),
    ]
    second = career.positions[1]
    assert text[second.span[0] :].startswith("Whirlpool India") and "Machine Learning" not in text[career.positions[0].span[1] - 30 : career.positions[0].span[1]]


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("Jane Doe\nEducation\nHigh School Diploma Jun 2014 ELDORADO HIGH SCHOOL - City , State\ndiploma\n", ["high_school"]),
        ("Jane Doe\nEducation\nExcellent communicator\tMS SharePoint, MS Access\nBachelor of Science : Marketing 2010\n", ["bachelor"]),
        ("Jane Doe\nEducation\nHonours degree, University of Leeds, 2012\n", ["other"]),
    ],
)
def test_education_lines_that_name_no_degree_of_their_own(text, levels):
    assert [e.level for e in read_career(read_document(text, kind="resume")).education] == levels


def test_dated_education_lines_without_a_degree_word_are_courses_or_unlevelled_degrees():
    text = (
        "Jane Doe\nEducation\n• NAU (National Aviation University). Computer science, 2012-2014\n"
        "• WSEI (High School of Economics and Innovations). Programming 2014-2018\n"
        "2017 – 2018 | Software Development | STEP Computer Academy\nHTML, 2006, Moscow, Russia\n"
        "Dean's List, Fall 2012\nOct 2019 - Jun 2020 aided design and\n"
    )
    career = read_career(read_document(text, kind="resume"))
    assert [(e.level, e.end_year) for e in career.education] == [("other", 2014), ("other", 2018), ("certificate", 2018), ("certificate", 2006)]
    assert career.highest_level == "certificate"


def test_each_entry_s_date_alone_on_the_line_above_it_is_that_entry_s():
    # livecareer prints each education entry's date on the line above it: a course or a school
    # under its date is an entry, and a date line belongs to the entry below, not the one above
    courses = (
        "Jane Doe\nExperience\nAnalyst, Acme 2018 - 2020\nEducation and Training\n2016\nMt. San Antonio College \u00ef1\u20444 City , State\n"
        "2017\nDigital Marketing Career Blueprint \u00ef1\u20444 City , State\n1990\nChingwele Primary School\n"
    )
    career = read_career(read_document(courses, kind="resume"))
    assert [(e.level, e.end_year) for e in career.education] == [("other", 2016), ("certificate", 2017)]  # a primary school is no course
    assert career.highest_level == "certificate"
    rising = "Jane Doe\nEducation\n2000\nHigh School Diploma : General South Summit High School\n2002\nCosmetology Heritage College of Beauty\n"
    assert [(e.level, e.end_year) for e in read_career(read_document(rising, kind="resume")).education] == [("high_school", 2000), ("other", 2002)]  # not 2002
    # the date over the school's and the place's lines above the degree
    block = (
        "Jane Doe\nEducation\nMay 2005\nWebster University\nCity , State Finance\nM.B.A Finance\n"
        "2001\nWebster University\nCity , State Mathematics\nBachelor of Science Mathematics\nSkills\nExcel\n"
    )
    education = read_career(read_document(block, kind="resume")).education
    assert [(e.level, e.end_year, e.institution) for e in education] == [("master", 2005, "Webster University"), ("bachelor", 2001, "Webster University")]


def test_a_dated_school_line_takes_the_plain_line_beside_it_and_jobs_under_education_stay_jobs():
    text = (
        "Jane Doe\nExperience\nAnalyst, Acme 2010 - 2020\nEducation\nEngineer Ural State University of Economics\nSep 2003 - Aug 2009 Food production process engineer\n"
        "Specialist National Association of Stock Market Participants\nAug 2008 - Sep 2008 Stock market specialist for maintaining the register of securities.\n"
    )
    assert [(e.level, e.end_year) for e in read_career(read_document(text, kind="resume")).education] == [("other", 2009), ("certificate", 2008)]  # a full stop closing the line
    sentence = "Jane Doe\nExperience\nAnalyst, Acme 2021 - 2022\nEducation\nSV College\n- Performing bug fixes and code reviews. Oct 2019 - Jun 2020\n"
    assert [e.text for e in read_career(read_document(sentence, kind="resume")).education] == ["SV College"]  # a sentence inside the line: no course
    jobs = "Jane Doe\nExperience\nAnalyst, Acme 2012 - 2020\nEducation\nSales Consultant 01/2009 to 03/2011\nCompany Name – City , State\nBachelor of Science : 2006 Troy University\n"
    assert [e.level for e in read_career(read_document(jobs, kind="resume")).education] == ["bachelor"]


def test_a_section_with_a_degree_above_a_certificate_reads_no_undegreed_lines():
    text = "Jane Doe\nEducation\nBachelor of Science, Accounting 2010\nPresident, Accounting Club 2009 - 2010\nWinter quarter 2009\n"
    assert [e.level for e in read_career(read_document(text, kind="resume")).education] == ["bachelor"]


def test_real_resume_courses_without_a_degree_word(shared_data):
    doc = read_document(shared_data / "pairs/vanetik_vacancy_resume/CV/13.docx", kind="resume")
    assert [(e.level, e.end_year) for e in read_career(doc).education] == [("other", 2014), ("other", 2018), ("certificate", 2019)]


def test_a_month_range_sharing_one_year_leaves_its_first_month_out_of_the_head():
    text = "Volunteer Experience\nMedical mission trip, Bulgaria, May-June 2007\nMedical mission trip, Mexico, June 2008\n"
    career = read_career(read_document(text, kind="resume"), as_of=date(2021, 8, 8))
    assert [(p.title, p.employer, p.start, p.end, p.date_text) for p in career.positions] == [
        ("Medical mission trip", "Bulgaria", date(2007, 5, 1), date(2007, 6, 1), "May-June 2007"),
        ("Medical mission trip", "Mexico", date(2008, 6, 1), date(2008, 6, 1), "June 2008"),
    ]


def test_an_entry_restating_a_job_over_lines_of_its_own_is_kept_a_reprint_of_it_is_not():
    job = "05/1985 - 09/2009\nCompany Name Chief Warrant Officer Four\n"
    text = (
        "Experience\n" + job + "Directed Forward Operating Base personnel in Kuwait.\nDeck Watch officer for Patrol Boats.\n"
        "Military Experience\n" + job + "UNITED STATES COAST GUARD May 1985 to September 2009 Operations Officer.\nLiaison Officer to Oman and Yemen.\n"
        "Work History\n" + job + "Directed Forward Operating Base  personnel in Kuwait.\nDeck Watch officer for Patrol Boats.\nPlanned training events.\n"
    )
    document = read_document(text, kind="resume")
    career = read_career(document, as_of=date(2021, 8, 8))
    assert [(p.title, p.start, p.end) for p in career.positions] == [("Chief Warrant Officer Four", date(1985, 5, 1), date(2009, 9, 1))] * 2
    assert [document.text[p.span[0] : p.span[1]].split("\n")[2] for p in career.positions] == [
        "Directed Forward Operating Base personnel in Kuwait.",
        "UNITED STATES COAST GUARD May 1985 to September 2009 Operations Officer.",
    ]
    assert career.total_months() == 292


def test_a_heading_not_in_capitals_between_capital_headings_over_more_jobs_goes_on_with_the_experience():
    job = "{title}\n\nAccenture - Bengaluru, Karnataka -\n\n{dates}\n\n• Led testing.\n"
    text = (
        "WORK EXPERIENCE\n\n" + job.format(title="Senior Software Analyst", dates="December 2017 to Present")
        + "• Key Responsibilities:\nProject\no Collaborated with the vendor\n\n" + job.format(title="Software Analyst", dates="June 2011 to November 2017")
        + "\nEDUCATION\n\nB.Tech in Information Technology\n\nAmity University\n\n2007 to 2011\n"
    )
    document = read_document(text, kind="resume")
    assert [(s.name, s.heading) for s in document.sections][:2] == [("experience", "WORK EXPERIENCE"), ("projects", "Project")]
    career = read_career(document, as_of=date(2018, 6, 1))
    assert [(p.title, p.employer, p.start, p.end, p.current) for p in career.positions] == [
        ("Senior Software Analyst", "Accenture", date(2017, 12, 1), None, True),
        ("Software Analyst", "Accenture", date(2011, 6, 1), date(2017, 11, 1), False),
    ]
    # the same heading under an experience heading that is not in capitals is a section of its own
    lower = read_career(read_document(text.replace("WORK EXPERIENCE", "Work Experience"), kind="resume"), as_of=date(2018, 6, 1))
    assert [p.title for p in lower.positions] == ["Senior Software Analyst"]


def test_a_lone_year_closing_a_wrapped_sentence_and_a_range_after_a_colon_open_no_entry():
    text = (
        "WORK EXPERIENCE\n\nSystems Engineer\n\nInfosys Limited - Hyderabad -\n\nJuly 2016 to September 2016\n\n"
        "Harley Davidson is an American motorcycle manufacturer, founded in Milwaukee, Wisconsin in\n1903.\n"
        "Testing Management Tool\nDuration\n: ALM for tracking defects\n: Mar 2016 - Oct 2016\n"
    )
    career = read_career(read_document(text, kind="resume"), as_of=date(2018, 6, 1))
    assert [(p.title, p.start, p.end) for p in career.positions] == [("Systems Engineer", date(2016, 7, 1), date(2016, 9, 1))]


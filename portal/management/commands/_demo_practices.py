"""Sample good practices for the demo: illustrative programmes, written to read like real ones.

Every one is marked as sample and shown as such; the figures are invented for the
demonstration and the sources point at example.org. Each entry: country, title,
programme, first and last year, measures, themes, summary, body, results, lessons,
sources, agency, language, days since publication (None: not published), and the
state for the few that are still on their way.
"""

P = "published"

PRACTICES = [
    {
        "country": "THA",
        "title": "A universal grant for young children, paid to the mother's account",
        "programme": "Early Childhood Grant",
        "years": (2015, None),
        "measures": [1, 3, 7],
        "themes": ["children", "gender-equality", "coverage-extension"],
        "summary": "A monthly cash grant for every child under six, first means-tested, then universal, "
        "paid into the mother's bank account. Coverage of young children rose from about a third to "
        "nine in ten within four years.",
        "body": "The grant started in 2015 as a benefit for children under one in poor households, "
        "identified by an income test. Exclusion errors were high: many eligible families never applied, "
        "because the test required documents that informal workers do not have.\n\n"
        "The government widened the age limit in steps, to three and then to six years, and in 2022 "
        "dropped the income test altogether. Registration now happens at the local health centre during "
        "the child's first vaccination visit, and the grant is paid by default to the mother's account.\n\n"
        "### Financing\n\nThe grant is financed from the general budget. Its cost is about 0.2% of GDP.",
        "results": "- Coverage of children under six rose from an estimated **35%** to **89%** between 2018 and 2022.\n"
        "- A panel survey found better birth registration and more regular health-centre visits.\n"
        "- Administrative costs fell once the income test was dropped.",
        "lessons": "Universality removed the main barrier, the proof of income. Linking registration to "
        "health visits that families already make was decisive. A country wishing to replicate needs "
        "reliable birth registration and a payment channel that reaches rural mothers.",
        "sources": [
            ("Evaluation of the Early Childhood Grant, 2023 (sample document)", "https://example.org/sample/tha-ecg")
        ],
        "agency": "Ministry of Social Development and Human Security",
        "days": 40,
    },
    {
        "country": "THA",
        "title": "Informal workers join social security through a voluntary scheme with matched contributions",
        "programme": "Voluntary Social Security for Informal Workers",
        "years": (2012, None),
        "measures": [2, 7],
        "themes": ["informal-workers", "working-age", "coverage-extension"],
        "summary": "A voluntary scheme lets informal workers choose a package of benefits and pay a small "
        "monthly contribution that the government tops up. Membership grew tenfold after enrolment moved to "
        "convenience stores and mobile phones.",
        "body": "Informal workers make up more than half of the workforce. The scheme offers three packages, "
        "from sickness and death benefits to an old-age lump sum, with contributions the worker chooses.\n\n"
        "The state adds a matching contribution of up to 50%. Enrolment and payment are possible at "
        "convenience stores, post offices and through a mobile application.",
        "results": "Membership rose from 0.3 million to 3.4 million between 2015 and 2023. Two thirds of new members "
        "enrolled through the mobile application.",
        "lessons": "Voluntary schemes grow only when paying is as easy as buying a phone card. Matching "
        "contributions work best when they are visible on every receipt.",
        "sources": [("Social Security Office annual report (sample document)", "https://example.org/sample/tha-sso")],
        "agency": "Social Security Office",
        "days": 210,
    },
    {
        "country": "IDN",
        "title": "One social registry for every programme, updated by villages",
        "programme": "Integrated Social Welfare Data",
        "years": (2016, None),
        "measures": [4, 9],
        "themes": ["administration-delivery", "digital-delivery"],
        "summary": "A single registry of low-income households, updated by village governments through an "
        "application, now serves more than twenty social programmes and cut duplicate payments.",
        "body": "Before the registry, each programme kept its own lists. Villages now verify and update "
        "household data twice a year through a web application, with a complaint line for families who "
        "think they were left out.\n\nProgrammes draw their beneficiaries from the registry using their own "
        "criteria, so a household's data is entered once.",
        "results": "More than 20 programmes use the registry. An audit found duplicate payments fell by a "
        "quarter after the switch.",
        "lessons": "Local updating keeps the data alive, but needs training, a complaint mechanism and clear "
        "rules on who may change what.",
        "sources": [("Registry operations manual (sample document)", "https://example.org/sample/idn-registry")],
        "agency": "Ministry of Social Affairs",
        "days": 95,
    },
    {
        "country": "IDN",
        "title": "Conditional cash transfers linked to maternal health visits",
        "programme": "Family Hope Transfers",
        "years": (2007, None),
        "measures": [1, 3],
        "themes": ["children", "gender-equality"],
        "summary": "Quarterly transfers to poor families, conditional on antenatal visits and school "
        "attendance, paid to women. Facilitators meet families monthly and run family development sessions.",
        "body": "The programme pays poor families every quarter if pregnant women attend antenatal care and "
        "children attend school. Facilitators, each responsible for about 250 families, run monthly "
        "sessions on parenting, nutrition and household finances.",
        "results": "Antenatal visits rose by 8 percentage points among participants; school enrolment of "
        "children aged 13 to 15 rose by 5 points.",
        "lessons": "The facilitators are the programme's strength and its largest cost; their caseload must stay "
        "manageable.",
        "sources": [("Impact evaluation summary (sample document)", "https://example.org/sample/idn-pkh")],
        "agency": "Ministry of Social Affairs",
        "days": 520,
    },
    {
        "country": "PHL",
        "title": "Cash for work and emergency transfers triggered by typhoon forecasts",
        "programme": "Anticipatory Cash for Typhoon-Prone Provinces",
        "years": (2020, None),
        "measures": [3, 9],
        "themes": ["shock-responsive", "digital-delivery"],
        "summary": "When the weather service forecasts a strong typhoon, registered households in its path "
        "receive a cash transfer by mobile wallet before landfall, so that they can protect assets and evacuate.",
        "body": "Households in high-risk provinces are pre-registered in the social registry with a mobile "
        "wallet. A forecast of a category 4 typhoon within 72 hours triggers the payment automatically.\n\n"
        "After landfall, cash-for-work projects clear debris and repair community infrastructure.",
        "results": "In the 2022 season, 120,000 households received transfers an average of 36 hours before "
        "landfall. Households that received them sold fewer livestock after the storm.",
        "lessons": "Pre-agreed triggers and pre-registered wallets make speed possible; agreeing the trigger "
        "with the weather service took a year.",
        "sources": [("Anticipatory action after-action review (sample document)", "https://example.org/sample/phl-aa")],
        "agency": "Department of Social Welfare and Development",
        "days": 15,
    },
    {
        "country": "PHL",
        "title": "A social pension for indigent older persons, with payments at the doorstep for the bedridden",
        "programme": "Social Pension for Indigent Senior Citizens",
        "years": (2011, None),
        "measures": [1, 5, 7],
        "themes": ["older-persons", "coverage-extension"],
        "summary": "A non-contributory pension for older persons without other income, doubled in 2023, with "
        "home delivery for those who cannot travel to the payout.",
        "body": "Local welfare offices identify older persons without a pension or regular support. "
        "Payments are made every quarter at community payouts, and by social workers at home for the "
        "bedridden.",
        "results": "Four million older persons were paid in 2023. The share of older persons living in poverty "
        "fell by three points since 2015.",
        "lessons": "Doubling the benefit required a law, which protected it from yearly budget negotiations.",
        "sources": [("Social pension annual report (sample document)", "https://example.org/sample/phl-socpen")],
        "agency": "Department of Social Welfare and Development",
        "days": 300,
    },
    {
        "country": "VNM",
        "title": "Lowering the pension age threshold for the social pension from 80 to 75",
        "programme": "Social Allowance for Older Persons",
        "years": (2021, None),
        "measures": [1, 7, 8],
        "themes": ["older-persons", "coverage-extension", "financing"],
        "summary": "The age at which older persons without a contributory pension receive the social allowance "
        "was lowered from 80 to 75, as a step towards a universal multi-tier pension system.",
        "body": "The reform is part of the national social insurance strategy, which aims to cover 60% of the "
        "older population by a pension or allowance by 2030. The allowance is paid monthly by the post office "
        "or to a bank account.",
        "results": "About 1.4 million more older persons became eligible. The additional cost is estimated at "
        "0.1% of GDP.",
        "lessons": "Setting the threshold in the strategy with a timetable made the step predictable for the budget.",
        "sources": [
            ("National social insurance strategy (sample document)", "https://example.org/sample/vnm-strategy")
        ],
        "agency": "Ministry of Labour, Invalids and Social Affairs",
        "days": 120,
    },
    {
        "country": "KHM",
        "title": "Identifying poor households with a continuous, on-demand assessment",
        "programme": "Poor Household Identification",
        "years": (2019, None),
        "measures": [4, 9],
        "themes": ["administration-delivery", "digital-delivery"],
        "summary": "Households can ask to be assessed at any time at their commune office instead of waiting "
        "for a survey every three years; the result gives access to health fee waivers and cash transfers.",
        "body": "Commune councils run the assessment with a tablet questionnaire. Results are checked by the "
        "district and published for comment before becoming final.\n\nAn equity card gives free care at "
        "public health facilities.",
        "results": "Time between a shock and access to benefits fell from up to three years to about two months.",
        "lessons": "On-demand assessment needs trained commune staff and a budget for visits throughout the year.",
        "sources": [("Identification procedure manual (sample document)", "https://example.org/sample/khm-idpoor")],
        "agency": "Ministry of Planning",
        "days": 60,
    },
    {
        "country": "LAO",
        "title": "A first national social protection strategy built with every ministry",
        "programme": "National Social Protection Strategy 2025",
        "years": (2018, 2025),
        "measures": [2, 8, 11],
        "themes": ["administration-delivery", "financing"],
        "summary": "A strategy drafted by an inter-ministerial committee sets out a social protection floor "
        "in stages, with development partners' support aligned to it.",
        "body": "The committee brought together the ministries of labour, health, finance and planning, with "
        "workers' and employers' organisations. Development partners agreed to align their programmes to the "
        "strategy's priorities.",
        "results": "Three programmes were merged under the strategy, and partners' funding now follows its priorities.",
        "lessons": "A strategy adopted by the whole government gives a small ministry weight in budget talks.",
        "sources": [("National Social Protection Strategy (sample document)", "https://example.org/sample/lao-nsps")],
        "agency": "Ministry of Labour and Social Welfare",
        "days": 700,
    },
    {
        "country": "TLS",
        "title": "Universal child benefit paid through a mobile bank in remote districts",
        "programme": "Child Benefit",
        "years": (2022, None),
        "measures": [1, 4, 7],
        "themes": ["children", "digital-delivery", "coverage-extension"],
        "summary": "Every pregnant woman and child under three receives a monthly benefit, paid by a mobile "
        "bank that travels to remote villages.",
        "body": "The benefit is universal for pregnant women from the fourth month and for children under "
        "three. A mobile banking unit visits each village monthly.",
        "results": "Within a year, 80% of eligible children were registered; registration of births increased.",
        "lessons": "Universality made the benefit easy to explain and to register for.",
        "sources": [("Programme design document (sample document)", "https://example.org/sample/tls-child")],
        "agency": "Ministry of Social Solidarity and Inclusion",
        "days": 250,
    },
    {
        "country": "MYS",
        "title": "Social security for gig platform workers through the platforms",
        "programme": "Self-Employment Social Security Scheme",
        "years": (2017, None),
        "measures": [2, 6, 7],
        "themes": ["informal-workers", "working-age", "coverage-extension"],
        "summary": "Ride-hailing and delivery platforms deduct a small employment injury contribution from "
        "each trip and pay it to the social security organisation.",
        "body": "Platform workers are self-employed under the law. An agreement between the social security "
        "organisation and the platforms made the deduction automatic.",
        "results": "Over 200,000 platform workers are covered against employment injury.",
        "lessons": "Working with the platforms turned a voluntary scheme into near-automatic coverage.",
        "sources": [("Scheme review (sample document)", "https://example.org/sample/mys-gig")],
        "agency": "Social Security Organisation",
        "days": 30,
    },
    {
        "country": "MNG",
        "title": "A child benefit for every child, financed from mineral revenues",
        "programme": "Universal Child Benefit",
        "years": (2005, None),
        "measures": [1, 5],
        "themes": ["children", "financing"],
        "summary": "A monthly benefit paid for every child, financed by a fund that receives a share of mining "
        "revenues.",
        "body": "The benefit was introduced in 2005, made universal in 2012 and is financed through a fund "
        "fed by mineral revenues.",
        "results": "Child poverty fell by an estimated six percentage points.",
        "lessons": "Earmarked revenues protect a benefit but tie it to commodity prices; a reserve fund helps.",
        "sources": [("Fund annual statement (sample document)", "https://example.org/sample/mng-child")],
        "agency": "Ministry of Family, Labour and Social Protection",
        "days": 410,
    },
    {
        "country": "CHN",
        "title": "Rural pension scheme reaches universal coverage with subsidised contributions",
        "programme": "Rural and Urban Residents' Pension",
        "years": (2009, None),
        "measures": [2, 5, 7],
        "themes": ["older-persons", "financing", "coverage-extension"],
        "summary": "A residents' pension combines a basic pension paid by the state with individual accounts, "
        "with contributions subsidised for low-income residents.",
        "body": "Residents over 16 without employment-based coverage may join. Central and local governments "
        "pay the basic pension and subsidise contributions.",
        "results": "Enrolment passed 500 million people.",
        "lessons": "A basic pension paid to all older residents from the start encouraged younger family "
        "members to enrol.",
        "sources": [("Pension scheme statistics (sample document)", "https://example.org/sample/chn-pension")],
        "agency": "Ministry of Human Resources and Social Security",
        "days": 800,
    },
    {
        "country": "KOR",
        "title": "Employment insurance extended to artists and platform workers",
        "programme": "Employment Insurance for All",
        "years": (2020, None),
        "measures": [1, 2, 7],
        "themes": ["working-age", "informal-workers", "coverage-extension"],
        "summary": "Unemployment insurance was extended step by step from employees to artists, special-type "
        "workers and platform workers, based on income rather than employment status.",
        "body": "The roadmap extends coverage group by group, with contributions shared between the worker and "
        "the platform or client.",
        "results": "Over 1.5 million workers gained coverage in three years.",
        "lessons": "Basing coverage on income reported to the tax authority made it possible without an employer.",
        "sources": [("Roadmap evaluation (sample document)", "https://example.org/sample/kor-ei")],
        "agency": "Ministry of Employment and Labour",
        "days": 150,
    },
    {
        "country": "JPN",
        "title": "Community-based integrated care for older persons",
        "programme": "Community-based Integrated Care System",
        "years": (2014, None),
        "measures": [2, 6],
        "themes": ["older-persons", "administration-delivery"],
        "summary": "Municipalities coordinate long-term care, health care and community support so that older "
        "persons can live at home, with centres that serve as a single entry point.",
        "body": "Community centres assess needs, arrange care and connect volunteers, businesses and health services.",
        "results": "More older persons receive care at home; hospital readmissions fell in pilot municipalities.",
        "lessons": "A single entry point and shared data between health and care services make coordination real.",
        "sources": [("Integrated care white paper (sample document)", "https://example.org/sample/jpn-care")],
        "agency": "Ministry of Health, Labour and Welfare",
        "days": 365,
    },
    {
        "country": "BGD",
        "title": "Mother and child benefit consolidates two programmes into one",
        "programme": "Mother and Child Benefit",
        "years": (2019, None),
        "measures": [2, 3, 4],
        "themes": ["children", "gender-equality", "administration-delivery"],
        "summary": "Two allowances for pregnant women and lactating mothers were merged into a single benefit "
        "paid digitally, with nutrition counselling.",
        "body": "The merger is part of the national social security strategy, which consolidates more than 100 "
        "programmes by life-cycle stage. Benefits are paid through mobile financial services.",
        "results": "Payment delays fell from months to days; leakage fell after digital payment.",
        "lessons": "Consolidation is as much about institutions as money: one ministry now leads.",
        "sources": [("Strategy mid-term review (sample document)", "https://example.org/sample/bgd-mcb")],
        "agency": "Ministry of Women and Children Affairs",
        "days": 45,
    },
    {
        "country": "BGD",
        "title": "Cash transfers by mobile money during floods",
        "programme": "Flood Emergency Cash",
        "years": (2020, None),
        "measures": [3, 4],
        "themes": ["shock-responsive", "digital-delivery"],
        "summary": "Flood-affected households registered in existing programmes received top-ups by mobile "
        "money within two weeks of the flood.",
        "body": "The programme used the beneficiary lists of existing allowances to reach flood-affected "
        "districts and topped up their payments.",
        "results": "1.2 million households received top-ups within 14 days.",
        "lessons": "Using existing lists was fast but missed households that were not already enrolled.",
        "sources": [("Flood response review (sample document)", "https://example.org/sample/bgd-flood")],
        "agency": "Ministry of Disaster Management and Relief",
        "days": 610,
    },
    {
        "country": "NPL",
        "title": "A child grant extended district by district to the whole country",
        "programme": "Child Grant",
        "years": (2009, None),
        "measures": [1, 7, 8],
        "themes": ["children", "coverage-extension"],
        "summary": "A grant for children under five, started in the poorest districts, was extended nationwide "
        "with a timetable set in the national plan.",
        "body": "Local governments register children at birth registration and pay the grant three times a "
        "year, increasingly to bank accounts.",
        "results": "Birth registration of children under five rose from 40% to 77%.",
        "lessons": "Linking the grant to birth registration improved both.",
        "sources": [("Child grant expansion study (sample document)", "https://example.org/sample/npl-child")],
        "agency": "Ministry of Federal Affairs and General Administration",
        "days": 90,
    },
    {
        "country": "NPL",
        "title": "Contribution-based social security fund for workers in the private sector",
        "programme": "Contribution-based Social Security",
        "years": (2018, None),
        "measures": [2, 5],
        "themes": ["working-age", "financing"],
        "summary": "A social security fund covering medical care, maternity, accidents and old age for private "
        "sector workers, with employer and worker contributions.",
        "body": "Employers register workers online; contributions are shared. The fund is being extended to "
        "self-employed and migrant workers.",
        "results": "Over 20,000 employers and 1.8 million workers registered by 2024.",
        "lessons": "Registration grew when the fund offered a benefit workers valued first: medical care.",
        "sources": [("Fund annual report (sample document)", "https://example.org/sample/npl-ssf")],
        "agency": "Social Security Fund",
        "days": 480,
    },
    {
        "country": "IND",
        "title": "Portable food entitlements for internal migrant workers",
        "programme": "One Nation One Ration Card",
        "years": (2019, None),
        "measures": [4, 9],
        "themes": ["migrant-workers", "digital-delivery"],
        "summary": "Migrant workers can collect subsidised food at any ration shop in the country, thanks to "
        "biometric authentication and a national database.",
        "body": "Shops are equipped with point-of-sale devices; entitlements follow the person rather than the "
        "address.",
        "results": "Over 100 million portable transactions a month at peak.",
        "lessons": "Portability requires a national database and interoperable systems between states.",
        "sources": [("Portability dashboard (sample document)", "https://example.org/sample/ind-ration")],
        "agency": "Department of Food and Public Distribution",
        "days": 180,
    },
    {
        "country": "PAK",
        "title": "Emergency cash reached 15 million families within weeks",
        "programme": "Emergency Cash Programme",
        "years": (2020, 2021),
        "measures": [3, 4, 9],
        "themes": ["shock-responsive", "digital-delivery", "informal-workers"],
        "summary": "During the pandemic, families applied by text message, were checked against databases and "
        "collected cash at biometric points of sale.",
        "body": "An SMS application system and data matching with tax and utility records identified eligible "
        "families, including informal workers who had lost income.",
        "results": "15 million families paid in three months.",
        "lessons": "Investments made before the crisis in the national database and payment system were decisive.",
        "sources": [("Programme completion report (sample document)", "https://example.org/sample/pak-ecp")],
        "agency": "Poverty Alleviation and Social Safety Division",
        "days": 900,
    },
    {
        "country": "LKA",
        "title": "A disability allowance assessed by community health staff",
        "programme": "Disability Allowance",
        "years": (2017, None),
        "measures": [1, 4],
        "themes": ["persons-with-disabilities", "administration-delivery"],
        "summary": "Persons with disabilities from low-income families receive a monthly allowance; "
        "assessments are done at home by trained community health staff.",
        "body": "The assessment uses a functional approach rather than a medical list of impairments.",
        "results": "The number of recipients doubled in four years.",
        "lessons": "Home assessments reached people who could not travel to a medical board.",
        "sources": [("Allowance review (sample document)", "https://example.org/sample/lka-disability")],
        "agency": "Ministry of Social Empowerment",
        "days": 220,
    },
    {
        "country": "BTN",
        "title": "Linking social protection data across agencies with consent",
        "programme": "Integrated Social Protection Data Hub",
        "years": (2021, None),
        "measures": [9, 12],
        "themes": ["administration-delivery", "digital-delivery"],
        "summary": "A data hub links records of social programmes, health and civil registration, with the "
        "person's consent, to produce the indicators the country reports on.",
        "body": "The hub applies data protection rules agreed by all agencies and produces SDG 1.3.1 indicators.",
        "results": "The first complete coverage figures were published in 2023.",
        "lessons": "Data protection rules came first; agencies agreed to share only after they were adopted.",
        "sources": [("Data hub charter (sample document)", "https://example.org/sample/btn-data")],
        "agency": "Department of Employment and Entrepreneurship",
        "days": 75,
    },
    {
        "country": "MDV",
        "title": "Universal old-age basic pension for a dispersed island population",
        "programme": "Old Age Basic Pension",
        "years": (2010, None),
        "measures": [1, 7],
        "themes": ["older-persons", "coverage-extension"],
        "summary": "Every resident aged 65 and over receives a basic pension, paid into bank accounts on "
        "every inhabited island.",
        "body": "The pension is universal and paid monthly; an island office helps older persons open accounts.",
        "results": "Coverage of older persons is close to 100%.",
        "lessons": "A universal design suits small, dispersed populations where targeting is costly.",
        "sources": [("Pension administration report (sample document)", "https://example.org/sample/mdv-pension")],
        "agency": "Maldives Pension Administration Office",
        "days": 560,
    },
    {
        "country": "TUR",
        "title": "Home care allowance for families caring for persons with severe disabilities",
        "programme": "Home Care Allowance",
        "years": (2007, None),
        "measures": [1, 3],
        "themes": ["persons-with-disabilities", "gender-equality"],
        "summary": "Relatives who care at home for a person with a severe disability receive a monthly "
        "allowance, recognising unpaid care work mostly done by women.",
        "body": "Eligibility depends on a disability assessment and household income.",
        "results": "About 500,000 carers receive the allowance.",
        "lessons": "Recognising care work needs to be paired with respite services for carers.",
        "sources": [("Allowance evaluation (sample document)", "https://example.org/sample/tur-care")],
        "agency": "Ministry of Family and Social Services",
        "days": 330,
    },
    {
        "country": "KAZ",
        "title": "Unemployment benefits paid automatically from the social insurance fund",
        "programme": "Proactive Social Insurance Benefits",
        "years": (2021, None),
        "measures": [4, 9],
        "themes": ["working-age", "digital-delivery", "administration-delivery"],
        "summary": "When an employer reports the end of a contract, the fund offers the benefit to the worker "
        "by text message; one reply is enough to receive it.",
        "body": "Data from the pension and insurance funds identify eligible workers; no visit to an office is needed.",
        "results": "Time to first payment fell from 30 days to 7.",
        "lessons": "Proactive services need reliable employer reporting and a verified mobile number for every worker.",
        "sources": [("Proactive services report (sample document)", "https://example.org/sample/kaz-proactive")],
        "agency": "Ministry of Labour and Social Protection of the Population",
        "days": 20,
    },
    {
        "country": "KGZ",
        "language": "ru",
        "title": "Ежемесячное пособие на детей до трёх лет без проверки доходов",
        "programme": "Пособие «Үй-бүлөгө көмөк»",
        "years": (2018, None),
        "measures": [1, 7],
        "themes": ["children", "coverage-extension"],
        "summary": "Ежемесячное пособие выплачивается на каждого ребёнка до трёх лет без проверки доходов "
        "семьи; заявление подаётся при регистрации рождения.",
        "body": "Пособие назначается автоматически при регистрации рождения ребёнка в органах ЗАГС. "
        "Выплата производится на банковскую карту матери.",
        "results": "Охват детей до трёх лет вырос до 85%.",
        "lessons": "Автоматическое назначение сократило число отказов и сроки оформления.",
        "sources": [("Отчёт о реализации программы (образец документа)", "https://example.org/sample/kgz-child")],
        "agency": "Ministry of Labour, Social Security and Migration",
        "days": 140,
    },
    {
        "country": "UZB",
        "title": "A single registry doubled the reach of low-income family benefits",
        "programme": "Unified Register of Social Protection",
        "years": (2019, None),
        "measures": [4, 9],
        "themes": ["administration-delivery", "digital-delivery", "coverage-extension"],
        "summary": "Families apply online or at a mahalla office; eligibility is checked against tax, property "
        "and pension data within days.",
        "body": "The registry connects 12 government databases. Community workers help families apply.",
        "results": "The number of families receiving benefits doubled between 2019 and 2022.",
        "lessons": "Data exchange agreements between agencies took longer than building the software.",
        "sources": [("Registry review (sample document)", "https://example.org/sample/uzb-register")],
        "agency": "National Agency for Social Protection",
        "days": 260,
    },
    {
        "country": "ARM",
        "title": "Social workers as case managers for families in difficulty",
        "programme": "Integrated Social Services",
        "years": (2016, None),
        "measures": [2, 4],
        "themes": ["administration-delivery", "working-age"],
        "summary": "Local offices bring together cash benefits, employment services and social work, with a "
        "case manager for each family.",
        "body": "Families have one contact person who coordinates benefits, job search support and services.",
        "results": "More benefit recipients found employment in pilot regions.",
        "lessons": "Case management needs manageable caseloads and shared information systems.",
        "sources": [("Integrated services evaluation (sample document)", "https://example.org/sample/arm-iss")],
        "agency": "Ministry of Labour and Social Affairs",
        "days": 640,
    },
    {
        "country": "GEO",
        "title": "Targeted social assistance with an activation component",
        "programme": "Targeted Social Assistance",
        "years": (2006, None),
        "measures": [2, 9],
        "themes": ["working-age", "administration-delivery"],
        "summary": "Benefits for poor households are kept for a period after a member finds work, so that "
        "taking a job no longer means losing all support.",
        "body": "The rule change removed a disincentive to formal work.",
        "results": "Formal employment among recipients rose.",
        "lessons": "Benefit rules should not punish work; phasing out helps.",
        "sources": [("Activation reform note (sample document)", "https://example.org/sample/geo-tsa")],
        "agency": "Social Service Agency",
        "days": 430,
    },
    {
        "country": "FJI",
        "title": "A social pension for every citizen aged 70 and over",
        "programme": "Social Pension Scheme",
        "years": (2012, None),
        "measures": [1, 7],
        "themes": ["older-persons", "coverage-extension"],
        "summary": "A monthly pension for older persons without other pension income, extended to all citizens "
        "aged 70 and over, paid by bank transfer or at the post office.",
        "body": "The pension is paid monthly; outer islands are reached through post offices and mobile "
        "banking agents.",
        "results": "Coverage of persons aged 70 and over is close to universal.",
        "lessons": "A simple age-based rule is easy to administer across many islands.",
        "sources": [("Scheme review (sample document)", "https://example.org/sample/fji-pension")],
        "agency": "Ministry of Women, Children and Social Protection",
        "days": 110,
    },
    {
        "country": "FJI",
        "title": "Top-ups to social protection recipients after tropical cyclones",
        "programme": "Cyclone Top-up Payments",
        "years": (2016, None),
        "measures": [3, 11],
        "themes": ["shock-responsive", "financing"],
        "summary": "After a severe cyclone, recipients of existing benefits receive additional payments within "
        "weeks, with partner funding agreed in advance.",
        "body": "A pre-agreed arrangement with development partners finances the top-ups.",
        "results": "Top-ups reached recipients within three weeks after the 2016 and 2020 cyclones.",
        "lessons": "Agreeing financing before the disaster is what makes speed possible.",
        "sources": [("Cyclone response study (sample document)", "https://example.org/sample/fji-cyclone")],
        "agency": "Ministry of Women, Children and Social Protection",
        "days": 380,
    },
    {
        "country": "WSM",
        "title": "A senior citizens benefit with free transport and health care",
        "programme": "Senior Citizens Benefit",
        "years": (1990, None),
        "measures": [1, 2],
        "themes": ["older-persons"],
        "summary": "A universal pension for residents aged 65 and over, with free inter-island ferry travel and "
        "free medical care at public facilities.",
        "body": "The benefit is paid monthly by the national provident fund.",
        "results": "Near-universal coverage of older persons.",
        "lessons": "In-kind benefits complement a modest cash benefit.",
        "sources": [("Provident fund annual report (sample document)", "https://example.org/sample/wsm-senior")],
        "agency": "Samoa National Provident Fund",
        "days": 720,
    },
    {
        "country": "TON",
        "title": "A disability welfare scheme built with organisations of persons with disabilities",
        "programme": "Disability Welfare Scheme",
        "years": (2014, None),
        "measures": [1, 6],
        "themes": ["persons-with-disabilities"],
        "summary": "Organisations of persons with disabilities helped design the scheme and identify eligible persons.",
        "body": "The scheme pays a monthly allowance; eligibility uses the Washington Group questions.",
        "results": "Over 2,000 recipients, many identified by the organisations.",
        "lessons": "Involving organisations of persons with disabilities improved outreach and trust.",
        "sources": [("Scheme assessment (sample document)", "https://example.org/sample/ton-disability")],
        "agency": "Ministry of Internal Affairs",
        "days": 170,
    },
    {
        "country": "VUT",
        "title": "Social protection for seasonal migrant workers abroad",
        "programme": "Labour Mobility Welfare Support",
        "years": (2019, None),
        "measures": [2, 10],
        "themes": ["migrant-workers", "working-age"],
        "summary": "Seasonal workers abroad keep access to insurance and their families to support at home, "
        "through agreements with destination countries.",
        "body": "Pre-departure training covers rights and benefits; a welfare officer supports workers abroad.",
        "results": "Complaints were resolved faster; remittances rose.",
        "lessons": "Bilateral agreements matter as much as national schemes.",
        "sources": [("Labour mobility review (sample document)", "https://example.org/sample/vut-mobility")],
        "agency": "Department of Labour",
        "days": 540,
    },
    {
        "country": "PNG",
        "title": "Cash transfers to vulnerable households in urban settlements",
        "programme": "Urban Youth and Household Support",
        "years": (2021, None),
        "measures": [3, 11],
        "themes": ["working-age", "digital-delivery"],
        "summary": "Pilot cash transfers and skills training for vulnerable households in urban settlements, "
        "with partner funding aligned to the national policy.",
        "body": "Households are enrolled with community leaders and paid through mobile accounts.",
        "results": "Household food security improved in the pilot.",
        "lessons": "Community leaders' involvement was key to identifying households.",
        "sources": [("Pilot evaluation (sample document)", "https://example.org/sample/png-urban")],
        "agency": "Department for Community Development and Religion",
        "days": 280,
    },
    {
        "country": "PYF",
        "language": "fr",
        "title": "Un minimum vieillesse pour les personnes âgées des archipels éloignés",
        "programme": "Minimum vieillesse",
        "years": (2016, None),
        "measures": [1, 5],
        "themes": ["older-persons", "financing"],
        "summary": "Les personnes âgées aux revenus modestes reçoivent un complément de revenu, versé dans "
        "toutes les îles par la caisse de prévoyance sociale.",
        "body": "Le complément est financé par une contribution de solidarité. Des agents itinérants aident les "
        "personnes âgées des archipels à constituer leur dossier.",
        "results": "La pauvreté des personnes âgées a reculé dans les archipels éloignés.",
        "lessons": "Les agents itinérants sont indispensables dans un territoire aussi dispersé.",
        "sources": [("Rapport de la caisse (document d'exemple)", "https://example.org/sample/pyf-minimum")],
        "agency": "Caisse de prévoyance sociale",
        "days": 190,
    },
    # On their way: for the demo accounts' workspaces and the review queue.
    {
        "country": "THA",
        "title": "Digital enrolment of older persons at local administrative offices",
        "programme": "Older Persons Allowance",
        "years": (2023, None),
        "measures": [4],
        "themes": ["older-persons", "digital-delivery"],
        "summary": "Older persons enrol for the allowance with their ID card at the local office.",
        "body": "Draft: to be completed with the enrolment figures.",
        "results": "",
        "lessons": "",
        "sources": [],
        "agency": "Department of Older Persons",
        "days": None,
        "state": "draft",
        "author": "colleague.tha@example.org",
    },
    {
        "country": "THA",
        "title": "Community volunteers help families claim the grants they are entitled to",
        "programme": "Social Welfare Volunteers",
        "years": (2019, None),
        "measures": [4, 6],
        "themes": ["administration-delivery"],
        "summary": "Trained volunteers visit families to explain benefits and help with applications.",
        "body": "Volunteers are trained by provincial offices and visit families in their villages.",
        "results": "Applications from remote villages increased.",
        "lessons": "Volunteers need regular training and a small allowance.",
        "sources": [],
        "agency": "Ministry of Social Development and Human Security",
        "days": None,
        "state": "changes_requested",
        "author": "lead.tha@example.org",
        "comment": "Thank you, this is a useful practice. Please add figures for the results (how many "
        "applications, over what period) and a source, such as a provincial report.",
    },
    {
        "country": "FJI",
        "title": "Child protection allowance for children in kinship care",
        "programme": "Care and Protection Allowance",
        "years": (2014, None),
        "measures": [1, 3],
        "themes": ["children"],
        "summary": "Relatives who care for children who cannot live with their parents receive a monthly "
        "allowance and visits from child protection officers.",
        "body": "The allowance supports kinship carers so that children stay in their family network.",
        "results": "More children remained in family-based care rather than institutions.",
        "lessons": "Regular visits by child protection officers are as important as the cash.",
        "sources": [("Allowance review (sample document)", "https://example.org/sample/fji-cpa")],
        "agency": "Ministry of Women, Children and Social Protection",
        "days": None,
        "state": "submitted",
        "author": "lead.fji@example.org",
    },
    {
        "country": "MNG",
        "title": "Food stamps for every household in the country",
        "programme": "Food Stamp Programme",
        "years": (2008, None),
        "measures": [3],
        "themes": ["coverage-extension"],
        "summary": "A food stamp programme.",
        "body": "Food stamps are given to households.",
        "results": "Households received food.",
        "lessons": "It worked.",
        "sources": [],
        "agency": "Ministry of Family, Labour and Social Protection",
        "days": None,
        "state": "rejected",
        "author": "lead.mng@example.org",
        "comment": "The programme is targeted at poor households, not every household, and the text does not "
        "yet say what others can learn from it. You are welcome to propose it again with details of targeting, "
        "results and lessons.",
    },
    {
        "country": "KAZ",
        "title": "Targeted social assistance paid through a digital wallet (pilot)",
        "programme": "Digital Social Wallet Pilot",
        "years": (2020, 2022),
        "measures": [4],
        "themes": ["digital-delivery"],
        "summary": "A pilot paid targeted social assistance into a digital wallet usable in shops.",
        "body": "The pilot ended in 2022; the wallet was replaced by bank cards.",
        "results": "The pilot reached 10,000 families.",
        "lessons": "Bank cards proved simpler for families than a separate wallet.",
        "sources": [],
        "agency": "Ministry of Labour and Social Protection of the Population",
        "days": 600,
        "state": "archived",
        "author": "lead.kaz@example.org",
        "comment": "Archived at the ministry's request: the pilot ended and the description is out of date.",
    },
]

# An update on its way for a published practice: (title of the published practice, author, new summary).
REVISION = (
    "Unemployment benefits paid automatically from the social insurance fund",
    "lead.kaz@example.org",
    "When an employer reports the end of a contract, the fund offers the benefit to the worker by text "
    "message; one reply is enough to receive it. Since 2024 the offer also reaches workers on fixed-term contracts.",
)

"""The deadline linker: which time expression governs a commitment's action, and time_bound."""

from __future__ import annotations

import pytest
import spacy

DOC_DATE = "2025-11-01"


def _only(extract, text):
    records = extract(text, doc_date=DOC_DATE)
    assert records, f"no commitment found in {text!r}"
    return records[0]


@pytest.mark.parametrize(
    "text, deadline, value, relation",
    [
        ("China will curb exports of precursor chemicals by May 1, 2026.", "May 1, 2026", "2026-05-01", "by"),
        ("The Ministry will publish the rules no later than 1 September 2026.", "1 September 2026", "2026-09-01", "by"),
        ("The United States will suspend the tariffs until November 10, 2026.", "November 10, 2026", "2026-11-10", "until"),
        ("The two sides will conclude the negotiations within 90 days.", "90 days", "P90D", "within"),
        ("The EU will publish the draft, prepared by the Commission, before 30 June 2026.", "30 June 2026",
         "2026-06-30", "by"),
        # how long a truce or moratorium agreed to holds
        ("The army and the Rapid Support Forces agreed on Wednesday to a 10-day humanitarian truce.", "10-day", "P10D", "for"),
        ("The Ministry will impose a six-month moratorium on new mining licences.", "six-month", "P6M", "for"),
        ("China will suspend the export controls for one year.", "one year", "P1Y", "for"),
        ("The Government will raise electricity tariffs by 7 percent from January 1, 2026.", "January 1, 2026", "2026-01-01", "from"),
        ("The City will post quarterly progress reports starting in April 2026.", "April 2026", "2026-04", "from"),
        ("The Premier will attend the summit in Kuala Lumpur on November 27, 2025.", "November 27, 2025", "2025-11-27", "on"),
        ("The European Union will provide EUR 600 million over the period 2026-2030.", "2026-2030", "2030", "during"),
        ("The Bank will publish a report on the framework before the end of May 2026.", "the end of May 2026", "2026-05", "by"),
        ("The leaders agreed that the two countries would conclude negotiations by the end of next year.",
         "the end of next year", "2026", "by"),
        ("We will ensure that every secondary school has a trained counsellor by 2030.", "2030", "2030", "by"),
        ("Each Party shall pay compensation within ninety (90) days of the expropriation.", "ninety (90) days", "P90D", "within"),
        ("Within our first year, we will introduce a Labour Mobility Welfare Act.", "our first year", "P1Y", "within"),
        ("We intend to conclude a delimitation agreement within the year.", "the year", "2025", "on"),
        # the bare verb of a causative carries the causing act's time, also where the tagger reads it as finite
        ("The company aims to have battery-electric cars make up at least half of its European sales by 2030.",
         "2030", "2030", "by"),
        ("Astrel said it aims to have outside auditors check its compliance with the commitments by the end of "
         "next year.", "the end of next year", "2026", "by"),
        # a half or the middle of a year: the month or the year it ends in
        ("The two sides agreed to launch negotiations in the first half of 2026.", "the first half of 2026",
         "2026-06", "on"),
        ("The Authority will add 12 electric buses to its fleet by mid-2027.", "mid-2027", "2027-06", "by"),
        ("The Bank intends to phase out the facility by the middle of next year.", "the middle of next year",
         "2026-06", "by"),
        ("The Ministry will tender 600 megawatts of solar capacity in the second half of 2027.",
         "the second half of 2027", "2027", "on"),
        ("Ghana shall eliminate customs duties on the listed goods, with the final reduction taking place no later "
         "than 1 January 2035.", "1 January 2035", "2035-01-01", "by"),
        # a participle that cites a paragraph carries no time of its own; "co-host" is one verb
        ("Each Party shall exchange the notifications referred to in paragraph 1 before 31 March 2027.",
         "31 March 2027", "2027-03-31", "by"),
        ("France will co-host an international conference on the Lake Chad basin in Paris on March 9, 2026.",
         "March 9, 2026", "2026-03-09", "on"),
    ],
)
def test_relation_binds_the_action(extract, text, deadline, value, relation):
    r = _only(extract, text)
    assert r.deadline is not None, text
    assert (r.deadline.text, r.deadline.value, r.deadline.relation) == (deadline, value, relation)
    assert r.time_bound


@pytest.mark.parametrize(
    "text, reference",
    [
        ("China will suspend the export control measures announced on October 9, 2025.", "October 9"),
        ("The United States will cancel the tariffs imposed by the Executive Order of April 2, 2025.", "April 2"),
        ("Beijing will lift the restrictions in force since March 4, 2025.", "March 4"),
        ("We will implement the 2030 Agenda for Sustainable Development.", "2030"),
        ("Morocco will cut emissions by 45 percent against a 2019 baseline.", "2019"),
        # the date picks out what the action covers: the participle's, though the parse hangs it on the verb
        ("The Ministry will honour in full all contracts registered with the State Bank before 6 February.",
         "6 February"),
        ("The Authority will refund all fees paid after 1 January 2027 in full.", "1 January"),
        # "by" + a bare duration is an amount of time, not a point
        ("The Paris Club will extend the maturities of eligible claims by 12 years.", "12 years"),
        ("The operator will delay the launch of the second line by two years.", "two years"),
        # when it was said, between the speech verb and the reported clause's subject
        ("Brenvik Foods said on Tuesday it would close two bakeries.", "Tuesday"),
        # the day a pledge was made, hung on the past-tense committing verb
        ("WASHINGTON, Oct 15, 2025 - Finance ministers from the Group of Seven rich democracies pledged on Friday to "
         "make sure Ukraine's budget needs for next year are fully financed, but stopped short of agreeing.", "Friday"),
    ],
)
def test_reference_dates_are_never_deadlines(extract, text, reference):
    _no_reference(extract, text, reference)


@pytest.mark.parametrize(
    "text, reference",
    [
        ("The city will invest DKK 3.1 billion in the light rail, with construction starting in the second quarter "
         "of 2027 and passenger services beginning no later than December 2031.", "2027"),
        ("The council will keep all eleven public pools open until 8 p.m. on weekdays.", "8 p.m."),
        ("We will work with our partners to make remittances cheaper and seek to halve transfer fees by 2029.", "2029"),
    ],
)
def test_times_of_other_subjects_hours_and_other_conjuncts(extract, text, reference):
    _no_reference(extract, text, reference)


def _no_reference(extract, text, reference):
    r = _only(extract, text)
    assert r.deadline is None or reference not in r.deadline.text, (text, r.deadline)
    assert not r.time_bound


def test_reference_date_beside_a_governing_duration(extract):
    r = _only(extract, "China will suspend the export control measures announced on October 9 for one year.")
    assert (r.deadline.text, r.deadline.value) == ("one year", "P1Y") and r.time_bound


def test_by_date_beats_duration(extract):
    r = _only(extract, "Saudi Arabia will roll over the deposit for another year by June 30, 2026.")
    assert r.deadline.value == "2026-06-30" and r.deadline.relation == "by"


@pytest.mark.parametrize(
    "text, value",
    [
        ("From June 1, the Planning Department will decide complete permit applications within 30 business days.",
         "2026-06-01"),
        ("Starting January 1, 2027, the Authority will answer every licence request within 90 days.", "2027-01-01"),
        # the duration counted from the date is one deadline, not a start date and a standard
        ("The Ministry will pay outstanding invoices within 30 days from 1 January 2026.", "P30D"),
    ],
)
def test_a_start_date_beats_a_service_standard(extract, text, value):
    assert _only(extract, text).deadline.value == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("Subject to the outcome of a public consultation this winter, the City will introduce a rental registry "
         "from July 2026.", "2026-07"),
        ("If the Senate ratifies the treaty by March 1, 2026, the agency will publish the implementing rule.", None),
        # the condition is closed before the date: the date is the action's
        ("If Congress agrees, the agency will, by March 1, 2026, publish the implementing rule.", "2026-03-01"),
    ],
)
def test_a_fronted_conditions_date_is_the_conditions(extract, text, value):
    r = _only(extract, text)
    assert (r.deadline.value if r.deadline else None) == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("The official creditor committee has agreed to extend the maturities of eligible claims by 12 years, "
         "including a five-year grace period "
         "on principal.", None),
        ("The Ministry will launch a 12-month pilot of the voucher scheme.", None),
        # an arrangement that lasts: its length is how long the commitment holds
        ("The Ministry will impose a six-month moratorium on new mining licences.", "P6M"),
    ],
)
def test_a_duration_that_measures_a_noun_is_not_the_actions(extract, text, value):
    r = _only(extract, text)
    assert (r.deadline.value if r.deadline else None) == value


@pytest.mark.parametrize(
    "text, steps",
    [
        ("Cyprus will raise the renewable share to 45 percent by 2030 and to 70 percent by 2035.",
         [("2030", "raise the renewable share to 45 percent by 2030"), ("2035", "raise to 70 percent by 2035")]),
        ("Kenya will cut emissions by 30% by 2030 and by 55% by 2040.",
         [("2030", "cut emissions by 30% by 2030"), ("2040", "cut by 55% by 2040")]),
        # a second object with no date of its own is one commitment
        ("Kenya will give the report to the minister and to the public by 2030.",
         [("2030", "give the report to the minister and to the public by 2030")]),
    ],
)
def test_each_dated_step_of_a_target_is_a_commitment(extract, text, steps):
    records = extract(text, doc_date=DOC_DATE)
    assert [(r.deadline.value if r.deadline else None, r.action.text) for r in records] == steps


@pytest.mark.parametrize(
    "text, value, relation",
    [
        ("Kenya said the balance would be disbursed before the financial year ends on June 30, 2026.", "2026-06-30", "by"),
        ("Kenya will keep the ban until the current licence expires on 31 March 2027.", "2027-03-31", "until"),
        # a counted period "to" a date ends on it (but "the year to March 2025" dates a report)
        ("June 14, 2027 - Britain will provide 9 billion pounds in climate finance over the three years to March "
         "2030.", "2030-03", "until"),
    ],
)
def test_the_dated_end_of_a_period_is_the_deadline(extract, text, value, relation):
    r = _only(extract, text)
    assert (r.deadline.value, r.deadline.relation) == (value, relation)


def test_a_duration_counted_from_a_clause_binds_the_action(extract):
    # the parse hangs "90 days" on "completed"; the deadline is the publishing's
    r = _only(extract, "The Department will publish the rule no later than 90 days after the assessment is completed.")
    assert (r.deadline.value, r.deadline.relation) == ("P90D", "by")


def test_point_date_of_a_past_pledge_is_not_its_deadline(extract):
    r = _only(extract, "The government pledged in March 2023 to resettle 20,000 refugees from camps in Lebanon "
                       "by December 31, 2025.")
    assert r.deadline.value == "2025-12-31"


@pytest.mark.parametrize(
    "text",
    [
        "China will approve compliant applications as soon as possible.",
        "The two governments will sign the agreement in due course.",
        "The United States and Peru intend to sign the Agreement in the coming weeks.",
        "The Participants will review the list of controlled items annually.",
        # a rate is a recurrence, and "N days of demand" an amount
        "Estonia will allocate at least 0.25 per cent of GDP a year to military assistance.",
        "Honduras will accept up to two U.S. deportation flights a day.",
        "The Ministry will maintain a stockpile of protective equipment sufficient for 90 days of national demand.",
        # a duration reached "to" or measured "of" a thing is a target, not a time; a season without a year is rough
        "The Ministry will cut waiting times for hip operations to a maximum of 120 days.",
        "The Agency will run a pre-departure course of not less than 40 hours for every worker.",
        "The two ministers agreed to hold the next session of the commission in Vienna in the autumn.",
        "The Board will recommend a final dividend for 2026 of 410 tenge per share.",
        # a term of office is no deadline
        "Ireland will support Senegal's candidacy for a non-permanent seat on the Security Council for the 2032-2033 term.",
    ],
)
def test_vague_and_recurring_times_never_bind(extract, text):
    r = _only(extract, text)
    assert r.deadline is None and not r.time_bound


def test_coordinated_commitment_keeps_its_own_deadline(extract):
    records = extract("We will give councils new powers to buy land and will end no-fault evictions within 12 months.",
                      doc_date=DOC_DATE)
    give = next(r for r in records if r.action.verb == "give")
    end = next(r for r in records if r.action.verb == "end")
    assert give.deadline is None and end.deadline.value == "P12M"


def test_chapeau_items_inherit_the_chapeau_deadline(extract):
    text = ("Joint Statement\n\nNovember 1, 2025\n\nBy May 14, 2026, China will:\n"
            "- suspend the additional tariffs on United States goods;\n"
            "- remove the port fees on United States vessels.\n")
    items = extract(text)
    assert len(items) == 2 and all(r.deadline is not None and r.deadline.value == "2026-05-14" for r in items)


def test_a_participles_date_in_the_chapeau_is_not_inherited(extract):
    # "today" dates the pledging, a participle inside the chapeau's noun phrase, not the items
    text = ("Rome, 18 May 2027\n\nWith the funds pledged today, the Organization will:\n"
            "- Rehabilitate 400 boreholes and water pans;\n"
            "- Vaccinate 2 million goats by the end of 2027.\n")
    items = extract(text)
    assert [(r.action.verb, r.deadline.value if r.deadline else None) for r in items] == [
        ("rehabilitate", None), ("vaccinate", "2027")]


def test_list_item_the_parser_misread(extract):
    text = ("Fact sheet\n\nNovember 1, 2025\n\nPeru will:\n"
            "- Grant full market access for U.S. poultry, beef and dairy goods by March 31, 2026;\n")
    grant = next(r for r in extract(text) if r.action.verb.lower() == "grant")
    assert grant.deadline.value == "2026-03-31" and grant.time_bound


def test_within_resolves_against_the_document_date(extract):
    r = _only(extract, "The two sides will conclude the negotiations within 90 days.")
    assert r.deadline.resolved == "2026-01-30"


def test_round_trip_keeps_the_relation_table(tmp_path):
    nlp = spacy.blank("en")
    linker = nlp.add_pipe("pledgewatch_deadline_linker")
    linker.initialize(nlp=nlp)
    assert "by" in linker.relations and "no later than" in linker.relations["by"]
    linker.to_disk(tmp_path / "linker")
    other = spacy.blank("en").add_pipe("pledgewatch_deadline_linker")
    other.from_disk(tmp_path / "linker")
    assert other.relations == linker.relations
    assert type(other)(relations=None).from_bytes(linker.to_bytes()).relations == linker.relations


@pytest.mark.parametrize(
    "text, value",
    [
        ("The Ministry will keep a liaison office in Niamey for an initial period of 12 months.", "P12M"),
        ("The Bank intends to hold the policy rate at 3.25% at least until the May 2026 meeting.", "2026-05"),
        ("The Group will publish its transition plan, prepared in line with the ISSB standards, alongside its "
         "2025 annual report in March 2026.", "2026-03"),
        ("The Board will convene a mid-term review of the Fund in the second half of 2027.", "2027"),
        ("We will process every remaining case already referred to us by the agency by June 2026.", "2026-06"),
        ("The authorities have committed to a reduction in the primary deficit of 3 percent of GDP over 2026-27.",
         "2027"),
        ("The Commission will develop a soil health framework and present it to the Assembly no later than "
         "February 2027.", "2027-02"),
        ("The Government will adopt a Climate Act within the first year of the term.", "P1Y"),
        ("The board will explain any deviation in a written statement within two days of each decision.", "P2D"),
        ("Provided the pledges made today are disbursed by the end of April, WFP will restore full rations in all "
         "camps from May.", "2026-05"),
        # a bare present-tense relative clause only describes the object; its "by" closes the action
        ("The company will cut the commission on purchases that go through a third-party payment system to 12 "
         "percent from 26 percent by July 1, 2026.", "2026-07-01"),
        ("The utility will raise the share of renewables in the electricity it generates from 13 percent today to "
         "30 percent by 2030.", "2030"),
        # a period without a number, then the date it ends on
        ("Japan will provide US$28 million, to be disbursed before the end of its fiscal year in March 2027.",
         "2027-03"),
        # a date the parser lent to the next noun as its number ("by September 30, 2026 amendments")
        ("The Ministry of Justice will submit to the Assembly by September 30, 2026 amendments that raise criminal "
         "penalties for counterfeiting.", "2026-09-30"),
        # a dated report is an event a deadline relation may name
        ("The Committee will not lower the policy rate further before the June Monetary Policy Report.", "2026-06"),
    ],
)
def test_deadlines_the_parse_hides(extract, text, value):
    r = _only(extract, text)
    assert r.deadline is not None and r.deadline.value == value, (text, r.deadline)


@pytest.mark.parametrize(
    "text",
    [
        # a finite relative or appositive clause in the past or present keeps its own time
        "The minister vowed not to raise the VAT rate on basic foodstuffs, a pledge he broke within eighteen months.",
        "The government will extend the subsidy scheme, which expired on 30 June 2025.",
        "The Ministry will expand the programme that it launched in January 2024.",
        "The Bank will also prepare an energy project of about US$35 million, which it expects to present to the "
        "Board by March 2026.",
        # dates of the statement or of another act
        "In 2019, the company pledged to phase out single-use plastics.",
        "Ghana will implement the agreement signed on 3 March 2025.",
        "The Council will apply the guidelines adopted in 2024 to all new projects.",
        "The Commission will update the figures announced on 12 May 2025.",
        # descriptions, names, titles and dated objects
        "The Treasury will repay the arrears outstanding as of June 30, 2025.",
        "The Union will support the Vision 2030 programme of the Kingdom.",
        "The Commission will promote the aims of Agenda 2063 across the continent.",
        'The ministry will publish a guide titled "Net Zero by 2040: A Roadmap for Industry".',
        "The Government will fully fund the 2026 budget of the health service.",
        "The Bank will publish the minutes of the May 2026 meeting.",
        "The agency will continue the monitoring in place since March 2022.",
        # the date of a condition
        "The Union will impose further sanctions if Russia does not agree to a ceasefire by 31 July 2026.",
        "Kenya will reopen the border crossing unless the talks collapse before 1 March 2026.",
    ],
)
def test_reference_dates_of_other_clauses_and_names(extract, text):
    r = _only(extract, text)
    assert r.deadline is None and not r.time_bound, (text, r.deadline)


@pytest.mark.parametrize(
    "text",
    [
        "The Government will cut emissions by 30 percent relative to 2005.",
        "The company will reduce its water use by 25% from 2019.",
        "The Ministry will publish the Roadmap to 2030 for the steel industry.",
        "The Council will table the Budget for 2027 in Parliament.",
        "The Bank will publish its results for the year to March 2025.",
        "The Treasury will settle the arrears as of June 30, 2025.",
        "The Government will, for the first time in ten years, raise the minimum wage.",
    ],
)
def test_comparisons_baselines_and_named_spans(extract, text):
    r = _only(extract, text)
    assert r.deadline is None and not r.time_bound, (text, r.deadline)


@pytest.mark.parametrize(
    "text, value",
    [
        ("The Government will extend the moratorium on new licences to December 2026.", "2026-12"),
        ("The Treasury will keep the fuel duty freeze for 2026.", "2026"),
        ("The Government will apply the lower tariff as of 1 January 2026.", "2026-01-01"),
        ("The Ministry will cut the backlog by half in two years.", "P2Y"),
        # "from" + year after an amount of money starts the payment; after a percentage it is a baseline
        ("Norway will raise its annual contribution to NOK 500 million from 2028.", "2028"),
        ("Korea will double its annual contribution to $60 million from 2028.", "2028"),
        # a participle the parser made a second verb ("and purchased energy") carries the action's date
        ("Brenvik Foods will cut emissions from its own plants and purchased energy by 70% by 2030.", "2030"),
    ],
)
def test_the_same_words_as_deadlines(extract, text, value):
    r = _only(extract, text)
    assert r.deadline is not None and r.deadline.value == value, (text, r.deadline)


def test_misparsed_bullet_verb_keeps_its_line_and_deadline(extract):
    text = ("Under the Arrangement, Ecuador will:\n\n- Accept export certificates issued by the Canadian Food "
            "Inspection Agency for beef, pork and poultry by the end of the second quarter of 2026, without additional "
            "inspections;\n")
    r = _only(extract, text)
    assert r.span.text.startswith("Accept export certificates") and r.span.text.endswith("additional inspections")
    assert r.deadline is not None and r.deadline.value == "2026-Q2" and r.deadline.relation == "by"


@pytest.mark.parametrize(
    "text",
    [
        # another clause's act, or the condition's date
        "Both sides agreed to reopen the labour market under a revised Memorandum of Understanding, which shall be "
        "signed by the respective ministries no later than 31 December 2025.",
        "The Government will not apply the measure retroactively to offtake contracts signed before 1 January 2026.",
        "Zimbabwe will honour existing offtake agreements, provided that the volumes exported do not exceed those "
        "notified to the Ministry by 31 March 2026.",
        "The World Bank will provide up to $300 million in grant financing, subject to approval by its board in June 2026.",
    ],
)
def test_dates_of_other_clauses_and_conditions_are_not_deadlines(extract, text):
    records = extract(text, doc_date=DOC_DATE)
    main = [r for r in records if r.action.verb in ("reopen", "apply", "honour", "provide")]
    assert main and all(r.deadline is None for r in main), [(r.action.verb, r.deadline) for r in records]


@pytest.mark.parametrize(
    "text, main, inner, value",
    [
        ("The Parties shall establish a Joint Committee, which shall meet within one year of signature.",
         "establish", "meet", "P1Y"),
        ("The two countries will establish a Critical Minerals Working Group, which will hold its first meeting "
         "within 60 days of signature.", "establish", "hold", "P60D"),
        ("We decided to create a Working Group on Transnational Organised Crime, which will present an action plan "
         "against arms trafficking within six months.", "create", "present", "P6M"),
    ],
)
def test_a_relative_clause_commitment_keeps_its_own_deadline(extract, text, main, inner, value):
    by_verb = {r.action.verb: r for r in extract(text, doc_date=DOC_DATE)}
    assert by_verb[main].deadline is None, by_verb[main].deadline
    assert by_verb[inner].deadline is not None and by_verb[inner].deadline.value == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("Halifax Transit will run buses on the eight busiest routes every 10 minutes at peak times, starting with "
         "the November service change.", "2025-11"),
        ("We will have our traceability data assured by an external auditor starting with the 2026 reporting year.",
         "2026"),
    ],
)
def test_starting_with_a_dated_event_is_where_the_action_starts(extract, text, value):
    r = _only(extract, text)
    assert r.deadline is not None and (r.deadline.value, r.deadline.relation) == (value, "from")


def test_participle_with_by_keeps_the_actions_deadline(extract):
    r = _only(extract, "The Uzbek side will introduce a simplified registration procedure for pharmaceutical "
                       "products manufactured in India by 1 July 2026.")
    assert r.deadline is not None and r.deadline.value == "2026-07-01"
    r = _only(extract, "The company will source 100 percent renewable electricity for all owned and leased "
                       "warehouses and terminals by 2027.")
    assert r.deadline is not None and r.deadline.value == "2027"


@pytest.mark.parametrize(
    "text, value, relation",
    [
        ("The European Council will review progress in the implementation of the Pact at its October 2026 meeting.",
         "2026-10", "on"),
        ("ASEP has agreed to process every application in under 60 days.", "P60D", "within"),
        # the IMF's "end-May 2026", which the parser takes for the verb's object
        ("The authorities will publish the first quarterly report on NEPCO arrears, by end-May 2026.", "2026-05", "by"),
        # a pledge keeps its own years, not the date of the part "of which" is disbursed sooner
        ("Germany pledged EUR 60 million for 2027 and 2028, of which EUR 15 million will be disbursed by the end of "
         "April 2027.", "2028", "on"),
        # the later date belongs to the gapped second conjunct, which has no verb of its own
        ("The company will connect to shore power at Rotterdam and Gdansk in 2027, and, by 2030, at every other "
         "berth in its network.", "2027", "on"),
    ],
)
def test_meeting_dates_and_upper_bounds(extract, text, value, relation):
    r = _only(extract, text)
    assert r.deadline is not None and (r.deadline.value, r.deadline.relation) == (value, relation)


def test_attending_a_dated_meeting_is_still_no_deadline(extract):
    r = _only(extract, "The Premier will attend the May 2026 meeting of the Council.")
    assert r.deadline is None


def test_the_same_year_is_the_deadline_just_given(extract):
    # the tagger reads "the same year" as the last year written (the baseline); as a deadline it is the one just given
    records = extract("Date: 2026-03-04\n\nThe company will halve its emissions by 2030 against a 2019 baseline. "
                      "It will also source all of its electricity from renewables by the same year.\n")
    same = [r for r in records if r.deadline is not None and r.deadline.text == "the same year"]
    assert same and same[0].deadline.value == "2030", [(r.action.text, r.deadline) for r in records]


def test_a_clause_with_its_own_subject_keeps_its_own_deadline(extract):
    # the parser hangs the first clause under the second: "within seven days" is the meeting's, not the deployment's
    records = extract("The United Nations will convene the first meeting of the JMCC in Taiz within seven days of "
                      "Day 0 and, subject to security conditions, the Office of the Special Envoy will deploy up to 20 "
                      "monitors to the city.", doc_date="2027-03-01")
    deadlines = {r.action.verb: r.deadline and r.deadline.value for r in records}
    assert deadlines == {"convene": "P7D", "deploy": None}, deadlines


@pytest.mark.parametrize(
    "text, value, resolved",
    [
        # a deadline without its year lies ahead of the document date (2025-11-01), not earlier in its year
        ("Iraq will cut a further 70,000 barrels a day in the first quarter.", "2026-Q1", "2026-03-31"),
        ("The transit director said the department would hire 90 additional bus operators by September.", "2026-09",
         "2026-09-30"),
        ("The ministry will publish the detailed measures by the end of February.", "2026-02", "2026-02-28"),
        # one still ahead, or with its year written, keeps the tagger's reading
        ("The ministry will publish the detailed measures by December.", "2025-12", "2025-12-31"),
        ("The ministry will publish the detailed measures by March 2025.", "2025-03", "2025-03-31"),
    ],
)
def test_a_yearless_deadline_lies_ahead(extract, text, value, resolved):
    r = _only(extract, text)
    assert r.deadline is not None and (r.deadline.value, r.deadline.resolved) == (value, resolved), (text, r.deadline)


def test_when_it_was_said_is_no_deadline(extract):
    # the parser hangs "on Tuesday" on the reported verb; it dates the saying, between "said" and the clause's subject
    text = ("Aldric Motors sets new targets\n\nTURIN, March 18 (Reuters) - Aldric Motors said on Tuesday it would cut "
            "emissions from its own plants.\n")
    records = extract(text)
    assert records and all(r.deadline is None for r in records), [r.deadline for r in records]


def test_by_after_a_comparing_word_is_still_a_deadline(extract):
    # "equivalent to 2019 levels" compares; "recognize ... as equivalent by March 31, 2026" sets a date
    record = _only(extract, "Paraguay will recognize the U.S. meat inspection system as equivalent by March 31, 2026.")
    assert record.deadline is not None and record.deadline.value == "2026-03-31"
    record = _only(extract, "Chile will hold emissions at a level equivalent to 2019 until the end of 2027.")
    assert record.deadline is not None and record.deadline.value == "2027"


@pytest.mark.parametrize(
    "text, value",
    [
        # a financial year is the last day of the state's financial year it ends in ...
        ("The Australian Government will deliver 20,000 social homes by 2029-30.", "2030-06-30"),
        ("India will set up 50 new testing laboratories in FY2026-27.", "2027-03-31"),
        ("Pakistan's health ministry will train 12,000 health workers by the end of FY2027-28.", "2028-06-30"),
        ("The United States will provide USD 250 million in foreign military financing in fiscal 2027.", "2027-09-30"),
        ("The United Kingdom will provide £120 million for the 2027-28 financial year.", "2028-03-31"),
        # ... "from" it is the day after the year before ends, and "this financial year" counts from the document date
        ("Australia will fund 30,000 training places from 2027-28.", "2027-07-01"),
        ("The United Kingdom will not reduce its aid to the region this financial year.", "2026-03-31"),
        # a province's or state's financial year is its country's
        ("Thiruvananthapuram, 1 March 2027\n\nThe Government of Kerala will recruit 2,000 nurses in 2027-28.",
         "2028-03-31"),
        # Japan names a financial year by the year it starts in: its "FY2027" ends in March 2028
        ("Japan will complete budget execution for the package by the end of FY2027.", "2028-03-31"),
        ("Japan will provide 3 billion yen a year to the regional consortia starting in FY2027.", "2027-04-01"),
        ("The United States will obligate USD 400 million for the program in FY2027.", "2027-09-30"),
        # a span of years, a school year, and a state the table does not list keep the tagger's value
        ("Japan will contribute USD 3 million to the reserve over 2026-2028.", "2028"),
        ("Bangladesh will admit 30 Bhutanese students a year starting with the 2026-27 academic session.", "2027"),
        ("Chile will cut its structural deficit to 1 per cent of GDP in fiscal 2027.", "2027"),
    ],
)
def test_a_financial_year_ends_on_the_states_year_end(extract, text, value):
    record = _only(extract, text)
    assert record.deadline is not None and record.deadline.value == value, record.deadline


@pytest.mark.parametrize(
    "text, value, relation",
    [
        ("The United States will:\n\n- lower the tariff on goods of Laos to 15 percent, effective December 1, 2027;\n"
         "- apply a zero tariff to the coffee listed in Annex II from the same date.\n", "2027-12-01", "from"),
        ("Each Member shall notify its subsidies by 30 September 2028. A Member that cannot meet the deadline shall, "
         "before that date, inform the Committee of the reasons.\n", "2028-09-30", "by"),
        # the date just given, not a duration linked since ("for one year")
        ("China will lift the controls on 10 November 2026 and suspend the new rules for one year. It will also drop "
         "its port fees by the same date.\n", "2026-11-10", "by"),
    ],
)
def test_the_same_date_is_the_date_just_given(extract, text, value, relation):
    last = extract(text, doc_date=DOC_DATE)[-1]
    assert last.time_bound and (last.deadline.value, last.deadline.relation) == (value, relation)


@pytest.mark.parametrize(
    "text, value, resolved",
    [
        ("The council will freeze rents for one year from 6 April 2026.", "P1Y", "2027-04-06"),
        ("China will suspend, for twelve months from 1 November 2025, the export controls on graphite.", "P12M",
         "2026-11-01"),
        ("The government will cap the wage bill at 3 per cent a year for three years, beginning on 1 April 2026.", "P3Y",
         "2029-04-01"),
        # a start date with a standard the action keeps is still the start date
        ("From June 1, 2026, the department will decide applications within 30 business days.", "2026-06-01",
         "2026-06-01"),
    ],
)
def test_a_period_from_a_start_date_is_the_deadline(extract, text, value, resolved):
    record = _only(extract, text)
    assert (record.deadline.value, record.deadline.resolved) == (value, resolved)

"""Vagueness flags, quantities, verification and the specificity score: scoped cues touch only their commitment."""

from __future__ import annotations

import json

import pytest
import spacy

from pledgewatch.components.specificity_scorer import DEFAULT_WEIGHTS
from pledgewatch.patterns import PatternError, ScopedCue, load_vagueness_cues


@pytest.fixture(scope="session")
def nlp():
    import pledgewatch

    return pledgewatch.load()


def one(nlp, text: str, actor: str | None = None):
    from pledgewatch import extract

    records = extract(text, doc_id="t", doc_date="2025-11-01", nlp=nlp)
    if actor is not None:
        records = [r for r in records if r.actor and r.actor.canonical == actor]
    assert records, f"no commitment found in {text!r}"
    return records[0]


def codes(record) -> set[str]:
    return {f.code for f in record.flags}


def test_cue_file_is_valid_and_uses_every_direction():
    cues = load_vagueness_cues()
    assert len({c.id for c in cues}) == len(cues), "cue ids are unique"
    directions = {c.direction for c in cues}
    assert {"forward", "backward", "both", "terminate", "pseudo"} <= directions
    for cue in cues:
        assert cue.literal and cue.pattern
        spacy.matcher.Matcher(spacy.blank("en").vocab).add(cue.id, [cue.pattern])


def test_a_typo_in_the_cue_file_names_file_and_line(tmp_path):
    good = json.loads((load_vagueness_cues()[0]).model_dump_json())
    (tmp_path / "vagueness_cues.jsonl").write_text(json.dumps(good) + "\n" + json.dumps({**good, "diretion": "x"}) + "\n")
    with pytest.raises(PatternError, match=r"vagueness_cues\.jsonl:2"):
        load_vagueness_cues(tmp_path)
    with pytest.raises(ValueError):
        ScopedCue.model_validate({**good, "direction": "sideways"})


def test_issue_example_concrete_us_vague_china(nlp):
    text = ("Washington will suspend the tariffs announced on October 9 until November 10, 2026, and Beijing will "
            "take significant measures to curb exports of fentanyl precursors.")
    us, china = one(nlp, text, "United States"), one(nlp, text, "China")
    assert us.time_bound and us.specificity.label == "specific" and not us.vague
    assert china.vague and {"NO_DEADLINE", "VAGUE_ACTION"} <= codes(china)
    for f in china.flags:
        assert text[f.start:f.end] == f.text and f.rule


@pytest.mark.parametrize("text, code, cue_text", [
    ("China will enhance cooperation with Brazil on agriculture.", "VAGUE_ACTION", "enhance"),
    ("The two countries will work toward a trade agreement.", "VAGUE_ACTION", "work toward"),
    ("Peru intends to ratify the Agreement on Fisheries Subsidies.", "HEDGED", "intends to"),
    ("Brazil will facilitate, as appropriate, investment by Chinese enterprises.", "HEDGED", "as appropriate"),
    ("Indonesia will increase imports of Brazilian soybeans, corn and other agricultural products.", "OPEN_ENDED", "and other"),
    ("The Philippines will apply a zero tariff to certain goods.", "UNQUANTIFIED", "certain"),
    ("We will cut hospital waiting lists.", "UNQUANTIFIED", "cut"),
    ("The Treasury will transfer a share of the tourist levy to the parks fund by June 2027.", "UNQUANTIFIED", "a share of"),
    ("Ruritania will issue a 10-year benchmark bond in 2027, market conditions permitting.", "HEDGED", "conditions permitting"),
    ("Each Party shall phase the safeguard out progressively as the situation improves.", "HEDGED", "situation improves"),
    ("Members in a position to do so will make voluntary contributions to the fund.", "HEDGED", "in a position to do"),
    ("Where national law allows, we will share anonymised geological survey data with producer countries.", "HEDGED",
     "Where national law allows"),
    ("Thailand shall provide technical assistance to Sri Lanka Customs on advance rulings by 2027.", "UNQUANTIFIED",
     "technical assistance"),    ("We will put resilience at the heart of everything we finance.", "VAGUE_ACTION", "at the heart of"),
    ("The two ministers will remain in close contact.", "VAGUE_ACTION", "remain in close contact"),
    ("The Bank will do whatever is necessary to bring inflation back to target.", "VAGUE_ACTION", "whatever is necessary"),
    ("The Minister will argue for its adoption at the Council.", "VAGUE_ACTION", "argue for"),
    ("The Fund will play a constructive role in the talks.", "VAGUE_ACTION", "play a constructive role"),
    ("Peru will streamline sanitary permits for U.S. poultry establishments.", "VAGUE_ACTION", "streamline"),
    ("Georgia agreed to simplify veterinary checks at the Red Bridge crossing point.", "VAGUE_ACTION", "simplify"),
    ("Canada will give favourable consideration to Ecuador's requests for sanitary approvals.", "HEDGED",
     "give favourable consideration"),
    ("We will consult closely on actions in foreign exchange markets.", "VAGUE_ACTION", "closely"),
])
def test_cue_raises_its_flag_with_text_and_rule(nlp, text, code, cue_text):
    record = one(nlp, text)
    flags = [f for f in record.flags if f.code == code]
    assert flags, (code, [(f.code, f.text) for f in record.flags])
    assert any(cue_text in f.text or f.text in cue_text for f in flags)
    # a vague verb or an unquantified amount alone leaves a dated commitment checkable by its date
    codes = {f.code for f in record.flags}
    dated_soft = record.time_bound and len(codes) == 1 and codes <= {"VAGUE_ACTION", "UNQUANTIFIED"}
    assert record.vague != dated_soft, (record.time_bound, [f.code for f in record.flags])


def test_pseudo_cue_more_than_an_amount_is_a_quantity(nlp):
    record = one(nlp, "Korea will invest more than $20 billion in British offshore wind by 2030.")
    assert "UNQUANTIFIED" not in codes(record)
    assert any("20 billion" in q.text for q in record.quantities)
    assert record.specificity.label == "specific"


@pytest.mark.parametrize(
    "text",
    [
        # "any significant change" says which events the duty covers, not how much is done
        "Each Party shall notify the other Party in writing, within five days, of any significant change in the pest "
        "status of its territory.",
        # an amount the parser hung on the object's participle ("sold in Europe by 40 per cent")
        "Holmstrand Motor Group pledged to cut the average CO2 emissions of new cars sold in Europe by 40 per cent by 2025.",
        # "additional" under a negation with its verb between: none at all, not an amount left open
        "Fact Sheet\n\nThe Dominican Republic will:\n- Accept vehicles built to U.S. Federal Motor Vehicle Safety "
        "Standards and not require additional testing or certification for such vehicles;\n",
        # the amount with a modifier or two between it and what it buys
        "The Bank will also provide a US$1.8 million non-reimbursable technical cooperation grant to the ministry.",
    ],
)
def test_no_unquantified_flag_where_the_text_says_how_much(nlp, text):
    assert "UNQUANTIFIED" not in codes(one(nlp, text))


def test_an_amount_given_to_something_else_leaves_assistance_unquantified(nlp):
    assert "UNQUANTIFIED" in codes(one(nlp, "Japan will provide $5 million and technical assistance to Laos."))


def test_cue_in_another_clause_does_not_reach(nlp):
    text = "Japan will cancel the tariffs under Executive Order 14257 by May 1, 2026, while Korea may consider further steps."
    japan = one(nlp, text, "Japan")
    assert not {"HEDGED", "UNQUANTIFIED", "VAGUE_ACTION"} & codes(japan)
    assert japan.specificity.label == "specific"


def test_quantities_money_percent_counts_and_missed_by_ner(nlp):
    record = one(nlp, "The European Union will provide EUR 600 million to the Fund by 2027.")
    assert any("600 million" in q.text for q in record.quantities)
    record = one(nlp, "Japan will cut tariffs by 12 percent on 40 products by 2027.")
    found = " | ".join(q.text for q in record.quantities)
    assert "12 percent" in found and "40" in found


def test_a_number_ending_the_sentence_is_a_quantity_not_a_list_number(nlp):
    # the parser hangs "from 20 to 30" on "reserved": still the increase's amount, so not unquantified
    record = one(nlp, "Bangladesh will increase the number of seats reserved for Bhutanese students from 20 to 30.")
    assert [q.text for q in record.quantities] == ["20 to 30"]
    assert not any(f.code == "UNQUANTIFIED" for f in record.flags)


def test_list_numbers_and_years_are_not_quantities(nlp):
    record = one(nlp, "1) The Participants will review the list of controlled items in 2026.")
    assert not any(q.text in ("1", "2026") for q in record.quantities)


def test_verification_mechanism_is_extracted(nlp):
    record = one(nlp, "Morocco will report on progress in implementing this plan through its Biennial Transparency Reports.")
    assert record.verification is not None and "report" in record.verification.text.lower()
    assert "NO_VERIFICATION" not in codes(record) and not record.vague


def test_discrete_named_act_is_checkable_without_a_number(nlp):
    for text in ("The United States will cancel the tariffs imposed under Executive Order 14257.",
                 "The Ministry of Commerce will issue general licenses for exports to civilian end users.",
                 "The two sides will establish a joint working group on sanitary measures."):
        record = one(nlp, text)
        assert "NO_VERIFICATION" not in codes(record), text
        assert record.specificity.label == "partial", (text, record.flags)


@pytest.mark.parametrize("text, checkable", [
    ("Togo will provide the Lomé facility for the joint operations cell.", True),
    ("Benin undertakes to make available the naval base at Cotonou for refuelling.", True),
    ("The Egyptian side will keep the Rafah crossing open for humanitarian aid.", True),
    ("The council will set up a compensation scheme for shops on the route.", True),
    ("The Ministry will provide technical support to the regional authorities.", False),
    ("Both sides will share information on smuggling networks.", False),
    ("The council will keep residents informed at every step.", False),
    ("The Government will make every effort to protect jobs.", False),
    # letting, chairing, announcing, restoring: whether it happened can be seen
    ("Moscow will allow OSCE inspectors to observe every stage of the removal.", True),
    ("Tunisia will chair weekly meetings of the joint military commission in Sirte.", True),
    ("The Minister will announce our contribution at the conference itself.", True),
    # sharing named data is checkable, sharing "information" is not
    ("The three governments will share the names of suspected smuggling ringleaders through a common database.", True),
    ("Both sides will share information and experience on border management.", False),
    # one thing the text locates by name can be looked at, whatever the verb; "available" after the object
    ("Albania will make the port of Durrës available to Allied forces as a logistics hub.", True),
    ("The Province will replace the water treatment plant in Thompson.", True),
    ("The Ministry will make the underlying emissions data available on the national climate portal.", True),
    ("The Government will make sure that the reforms are felt in Durrës.", False),
])
def test_object_verbs_are_discrete_acts_only_with_a_concrete_object(nlp, text, checkable):
    record = one(nlp, text)
    assert ("NO_VERIFICATION" not in codes(record)) == checkable, (text, record.flags)


@pytest.mark.parametrize("text, vague", [
    ("The Forum will seek initial capitalisation of USD 40 million from development partners.", True),
    ("The government will not seek any new tax amnesty scheme during the programme.", False),
    ("The OCC has further agreed to reduce the interest rate on all rescheduled claims to 1.5 per cent by 2027.", False),
    ("We will not use sensitive data, such as inferred political views, to target advertising.", False),
    ("The University will not make any new direct investment in companies that extract fossil fuels.", False),
    # "no longer", "a further round", "restore" are no open amounts
    ("The Uzbek Side shall readmit its citizens who no longer fulfil the conditions for stay by 1 June 2026.", False),
    ("The two sides will hold a further round of consultations in Vancouver in November 2026.", False),
    ("We will restore free school meals in all rural secondary schools from the 2027 school year.", False),
    ("Viet Nam will support the candidature of Spain for membership of the United Nations Human Rights Council.", False),
    # what a passive acts on is part of the action: its amount answers the verb, its "a share of" is open
    ("KRW 9.4 trillion will be invested by the Korea Electric Power Corporation in the transmission backbone by 2031.", False),
    ("A share of the tourist levy will be transferred by the Treasury to the Sustainable Tourism Fund every quarter.", True),
    # an amount of assistance answers it; the name of a programme and a condition's words are no cue
    ("Japan will provide EUR 5 million in technical assistance to the Customs Service by 2027.", False),
    ("Malaysia will offer 100 scholarships under the Malaysian Technical Cooperation Programme for the 2027 intake.", False),
])
def test_asking_refraining_and_adding_are_read_right(nlp, text, vague):
    record = one(nlp, text)
    assert record.vague == vague, (text, record.flags)


def test_cue_inside_the_condition_describes_the_condition(nlp):
    record = one(nlp, "Peru will establish a screening mechanism by June 2027, provided that the United States "
                      "supplies the requested technical assistance.")
    assert "CONDITIONAL" in codes(record) and "UNQUANTIFIED" not in codes(record)


def test_a_plural_the_lemmatizer_misses_is_still_a_mechanism(nlp):
    # the lemmatizer leaves "audits" as it is here; the cue lists the plural too
    record = one(nlp, "Veltrane said supplier audits will be carried out by independent firms accredited under the "
                      "ISO 19011 guidelines.")
    assert record.verification is not None and record.verification.text == "audits"


def test_abstract_action_has_no_verification(nlp):
    record = one(nlp, "The Philippines will align its export control regime with that of the United States.")
    assert "NO_VERIFICATION" in codes(record) and record.vague


@pytest.mark.parametrize("text", [
    "Each Party shall comply without delay with any award rendered by an ICSID tribunal under this Article.",
    "The receiving Party shall provide, free of charge, local transport and emergency medical assistance to visiting "
    "personnel of the sending Party.",
])
def test_treaty_obligation_is_enforced_by_the_agreement(nlp, text):
    # a "shall" binds under the agreement's own dispute settlement: no verification mechanism is missing
    record = one(nlp, text)
    assert "NO_VERIFICATION" not in codes(record) and not record.vague, record.flags


def test_negative_commitment_to_refrain_from_a_concrete_act_is_checkable(nlp):
    record = one(nlp, "We will not raise income tax, National Insurance or VAT.")
    assert record.polarity == "negative"
    assert not {"UNQUANTIFIED", "NO_VERIFICATION", "HEDGED"} & codes(record) and not record.vague
    record = one(nlp, "The City has no plans to sell the municipal water system to a private operator.")
    assert "HEDGED" not in codes(record)
    # an open list in what is ruled out widens the ban: nothing left open to the actor
    record = one(nlp, "Malaysia will not impose export bans on rare earth elements or other critical minerals.")
    assert "OPEN_ENDED" not in codes(record) and not record.vague


def test_hedged_commitment_is_vague_even_with_a_date(nlp):
    record = one(nlp, "The company intends to register the vaccine in 20 countries by the end of 2027.")
    assert record.time_bound and "HEDGED" in codes(record) and record.vague


def test_conditional_alone_does_not_make_it_vague(nlp):
    record = one(nlp, "If the Philippines fails to meet its commitments, the United States will reinstate the tariff rate of 25 percent.")
    assert "CONDITIONAL" in codes(record) and not record.vague


def test_specificity_formula_and_labels():
    from pledgewatch.commitment import Commitment, Flag
    from pledgewatch.components.specificity_scorer import SpecificityScorer

    def scored(flag_codes, time_bound):
        c = Commitment(start=0, end=1, verb_i=0, cue="will", cue_rule="r", action_verb="do", action_text="do",
                       time_bound=time_bound, flags=[Flag(code=k, text="x", start=0, end=1, rule="r") for k in flag_codes])
        doc = spacy.blank("en")("x")
        doc._.commitments = [c]
        SpecificityScorer()(doc)
        return round(c.score, 3), c.label

    assert scored([], True) == (1.0, "specific")
    assert scored(["NO_DEADLINE"], False) == (0.75, "partial")
    assert scored(["NO_DEADLINE", "CONDITIONAL"], False) == (0.65, "partial")
    for code in ("HEDGED", "OPEN_ENDED", "NO_VERIFICATION"):  # uncheckable on its own, dated or not
        assert scored([code], True)[1] == "vague", code
        assert DEFAULT_WEIGHTS[code] > 0.5
    for code in ("VAGUE_ACTION", "UNQUANTIFIED"):  # a dated "will support fifteen states by 2027" can be checked
        assert scored([code], True) == (0.55, "partial"), code
        assert scored([code, "NO_DEADLINE"], False)[1] == "vague", code
    assert scored(["VAGUE_ACTION", "HEDGED", "NO_DEADLINE"], False) == (0.0, "vague")


def test_flagger_and_scorer_round_trip_to_disk(nlp, tmp_path):
    text = "Beijing will take significant measures to curb exports of fentanyl precursors."
    before = [r.model_dump() for r in one_all(nlp, text)]
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.get_pipe("pledgewatch_vagueness_flagger").cfg == nlp.get_pipe("pledgewatch_vagueness_flagger").cfg
    assert [r.model_dump() for r in one_all(loaded, text)] == before


def one_all(nlp, text):
    from pledgewatch import extract

    return extract(text, doc_id="t", doc_date="2025-11-01", nlp=nlp)


def test_a_hedge_right_after_the_clause_counts(extract):
    records = extract("We commit to integrating climate-related health risks into national health adaptation plans by "
                      "2028, as appropriate to national circumstances.", doc_date="2025-01-01")
    assert len(records) == 1
    hedges = [f for f in records[0].flags if f.code == "HEDGED"]
    assert [f.text for f in hedges] == ["as appropriate"] and records[0].specificity.label == "vague"


def test_a_plan_to_deliver_is_no_hedge(extract):
    # "a time-bound plan to reduce ...": a plan is the deliverable; only the verb ("plans to") hedges
    records = extract("The Government of Jordan will adopt a time-bound plan to reduce the losses of the power company by "
                      "end-June 2026.", doc_date="2026-01-20")
    adopt = [r for r in records if r.action.verb == "adopt"]
    assert len(adopt) == 1 and not [f for f in adopt[0].flags if f.code == "HEDGED"], adopt[0].flags


def test_open_to_traffic_is_no_hedge(extract):
    # "open to" hedges only before a verb ("remains open to considering"), not "a section open to traffic"
    records = extract("The Government of Manitoba will twin the remaining 42 kilometres of Highway 6, with the first "
                      "18-kilometre section open to traffic by November 2028.", doc_date="2027-03-18")
    twin = [r for r in records if r.action.verb == "twin"]
    assert len(twin) == 1 and not [f for f in twin[0].flags if f.code == "HEDGED"], twin[0].flags


@pytest.mark.parametrize("text", [
    "Kenya and Uganda will complete their respective ratification procedures as quickly as possible.",
    "The Ministry will reopen the Namanga border post as soon as possible.",
])
def test_urgency_is_no_hedge(extract, text):
    # "as soon as possible" is a vague time (NO_DEADLINE), not a hedge like "where possible"
    records = extract(text)
    assert records and not [f for r in records for f in r.flags if f.code == "HEDGED"], [r.flags for r in records]


@pytest.mark.parametrize("text", [
    "Joint Statement of Kenya and Ethiopia\n\nThe two sides will meet at least twice a year.\n",
    "Memorandum between Peru and Chile\n\nThe Joint Committee shall meet at least once a year, alternately in Lima "
    "and Santiago.\n",
])
def test_a_schedule_is_something_to_check(extract, text):
    # a recurrence in the action is a schedule the other side can check, like a date
    records = extract(text)
    assert records and not [f for r in records for f in r.flags if f.code == "NO_VERIFICATION"], [r.flags for r in records]

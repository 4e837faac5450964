"""Tests for the reference data in fixtures/ and its loader, diplomacy.reference.

Plain unittest: the loader needs neither Django settings nor a database.
"""

import copy
import re
import unittest

from diplomacy import reference
from diplomacy.reference import (
    FIXTURES_DIR,
    ORGANISATION_KINDS,
    load_countries,
    load_organisations,
    validate_reference,
)


def by_iso2():
    return {country["iso2"]: country for country in load_countries()}


def by_key():
    return {org["key"]: org for org in load_organisations()}


def acronyms():
    return {org["acronym"] for org in load_organisations() if org["acronym"]}


def all_org_names():
    names = set()
    for org in load_organisations():
        names.update(reference.organisation_names(org))
    return names


class FixtureFilesTests(unittest.TestCase):
    def test_fixtures_dir_is_the_project_fixtures_folder(self):
        self.assertEqual(FIXTURES_DIR.name, "fixtures")
        self.assertTrue((FIXTURES_DIR / "countries.json").is_file())
        self.assertTrue((FIXTURES_DIR / "organisations.json").is_file())
        self.assertEqual(
            FIXTURES_DIR.parent,
            reference.Path(reference.__file__).resolve().parent.parent,
        )

    def test_loaders_are_cached(self):
        self.assertIs(load_countries(), load_countries())
        self.assertIs(load_organisations(), load_organisations())

    def test_validate_reference_is_clean(self):
        self.assertEqual(validate_reference(), [])


class CountryTests(unittest.TestCase):
    def test_all_249_iso_entries(self):
        self.assertEqual(len(load_countries()), 249)

    def test_sorted_by_iso2(self):
        codes = [country["iso2"] for country in load_countries()]
        self.assertEqual(codes, sorted(codes))

    def test_codes_unique_and_well_formed(self):
        countries = load_countries()
        iso2 = [c["iso2"] for c in countries]
        iso3 = [c["iso3"] for c in countries]
        self.assertEqual(len(set(iso2)), len(iso2))
        self.assertEqual(len(set(iso3)), len(iso3))
        for code in iso2:
            self.assertRegex(code, r"^[A-Z]{2}$")
        for code in iso3:
            self.assertRegex(code, r"^[A-Z]{3}$")

    def test_fields_and_types(self):
        for country in load_countries():
            with self.subTest(country=country["iso2"]):
                self.assertEqual(set(country), set(reference.COUNTRY_FIELDS))
                self.assertTrue(country["name"].strip())
                self.assertTrue(country["official_name"].strip())
                self.assertIsInstance(country["sovereign"], bool)
                for field in ("other_names", "demonyms", "cities"):
                    self.assertIsInstance(country[field], list)
                    for value in country[field]:
                        self.assertIsInstance(value, str)
                        self.assertEqual(value, value.strip())
                        self.assertTrue(value)
                self.assertNotIn(country["name"], country["other_names"])
                self.assertLessEqual(len(country["cities"]), 15)

    def test_every_sovereign_state_has_demonym_and_capital(self):
        for country in load_countries():
            if country["sovereign"]:
                with self.subTest(country=country["iso2"]):
                    self.assertTrue(country["demonyms"])
                    self.assertTrue(country["capital"])

    def test_sovereign_count(self):
        # 193 UN member states plus the Holy See and Palestine
        sovereign = [c["iso2"] for c in load_countries() if c["sovereign"]]
        self.assertEqual(len(sovereign), 195)

    def test_dependent_territories_are_not_sovereign(self):
        countries = by_iso2()
        for code in ("TW", "HK", "MO", "PR", "GL", "AQ", "EH", "GI", "NC"):
            self.assertFalse(countries[code]["sovereign"], code)
        for code in ("PS", "VA", "KZ", "CN", "RU", "US", "GB"):
            self.assertTrue(countries[code]["sovereign"], code)

    def test_common_news_names(self):
        countries = by_iso2()
        expected = {
            "RU": "Russia",
            "IR": "Iran",
            "KR": "South Korea",
            "KP": "North Korea",
            "SY": "Syria",
            "VN": "Vietnam",
            "TR": "Türkiye",
            "CI": "Côte d'Ivoire",
            "KG": "Kyrgyzstan",
            "CN": "China",
            "US": "United States",
            "GB": "United Kingdom",
            "CZ": "Czechia",
            "SZ": "Eswatini",
            "MM": "Myanmar",
            "MK": "North Macedonia",
            "MD": "Moldova",
            "LA": "Laos",
            "VA": "Holy See",
            "KZ": "Kazakhstan",
        }
        for code, name in expected.items():
            self.assertEqual(countries[code]["name"], name)

    def test_spot_check_other_names(self):
        countries = by_iso2()
        checks = {
            "KG": ["Kyrgyz Republic"],
            "TR": ["Turkey"],
            "CI": ["Ivory Coast"],
            "CN": ["People's Republic of China", "PRC"],
            "US": ["United States of America", "USA", "U.S."],
            "GB": ["UK", "Britain", "Great Britain"],
            "CZ": ["Czech Republic"],
            "SZ": ["Swaziland"],
            "MM": ["Burma"],
            "KP": ["DPRK"],
            "KR": ["Republic of Korea"],
            "AE": ["UAE"],
            "VA": ["Vatican"],
            "RU": ["Russian Federation"],
            "KZ": ["Qazaqstan"],
        }
        for code, names in checks.items():
            for name in names:
                self.assertIn(name, countries[code]["other_names"], (code, name))

    def test_official_names(self):
        countries = by_iso2()
        self.assertEqual(countries["KG"]["official_name"], "Kyrgyz Republic")
        self.assertEqual(countries["CN"]["official_name"], "People's Republic of China")
        self.assertEqual(countries["KZ"]["official_name"], "Republic of Kazakhstan")

    def test_us_is_the_united_states_only_in_capitals(self):
        from articles.extraction import Lexicon, extract
        from articles.reading import read_document

        lexicon = Lexicon.from_reference()
        for text, expected in (
            ("The US President spoke to us.\n", {"US"}),
            ("Let us talk. Us and them.\n", set()),
        ):
            with self.subTest(text=text):
                document = read_document(text.encode(), "t.txt")
                found = {c.iso2 for c in extract(document, lexicon).countries}
                self.assertEqual(found, expected)

    def test_demonyms(self):
        owner = {}
        for country in load_countries():
            for demonym in country["demonyms"]:
                owner[demonym] = country["iso2"]
        expected = {
            "Kazakh": "KZ",
            "Kazakhstani": "KZ",
            "Chinese": "CN",
            "Kyrgyz": "KG",
            "Tajik": "TJ",
            "Turkmen": "TM",
            "Uzbek": "UZ",
            "Iranian": "IR",
            "Russian": "RU",
            "Belarusian": "BY",
            "Pakistani": "PK",
            "Indian": "IN",
            "Azerbaijani": "AZ",
            "American": "US",
            "British": "GB",
            "Emirati": "AE",
            "Saudi": "SA",
            "Turkish": "TR",
            "South Korean": "KR",
            "North Korean": "KP",
        }
        for demonym, code in expected.items():
            self.assertEqual(owner.get(demonym), code, demonym)
        self.assertNotIn("Korean", owner)

    def test_capitals_and_cities(self):
        countries = by_iso2()
        self.assertEqual(countries["KZ"]["capital"], "Astana")
        self.assertEqual(countries["CN"]["capital"], "Beijing")
        self.assertEqual(countries["RU"]["capital"], "Moscow")
        self.assertIn("Xi'an", countries["CN"]["cities"])
        self.assertIn("Shanghai", countries["CN"]["cities"])
        self.assertIn("St. Petersburg", countries["RU"]["cities"])
        self.assertIn("Almaty", countries["KZ"]["cities"])
        self.assertIn("Samarkand", countries["UZ"]["cities"])
        self.assertIn("Cholpon-Ata", countries["KG"]["cities"])
        self.assertIn("Avaza", countries["TM"]["cities"])
        self.assertEqual(countries["TJ"]["capital"], "Dushanbe")
        self.assertEqual(countries["AZ"]["capital"], "Baku")


class OrganisationTests(unittest.TestCase):
    REQUIRED_ACRONYMS = (
        "UN",
        "UNGA",
        "UNSC",
        "ECOSOC",
        "UNESCO",
        "UNICEF",
        "UNDP",
        "WHO",
        "WTO",
        "IMF",
        "IAEA",
        "ESCAP",
        "SCO",
        "RATS",
        "CICA",
        "BRICS",
        "CIS",
        "CSTO",
        "EAEU",
        "EEC",
        "OTS",
        "ASEAN",
        "AU",
        "EU",
        "ECOWAS",
        "GCC",
        "G7",
        "G20",
        "OSCE",
        "NATO",
        "OIC",
        "ECO",
        "OPEC",
        "OPEC+",
        "SAARC",
        "APEC",
        "ADB",
        "AIIB",
        "NDB",
        "EDB",
        "ICRC",
        "OAS",
        "CELAC",
        "PIF",
        "BIMSTEC",
        "IFAS",
        "CAREC",
        "IsDB",
        "ILO",
        "FAO",
        "UNHCR",
        "WFP",
        "ICJ",
        "ICC",
        "CPLP",
        "OIF",
        "SICA",
        "IGAD",
        "SADC",
        "EAC",
        "BIS",
    )
    REQUIRED_NAMES = (
        "World Bank",
        "Arab League",
        "League of Arab States",
        "Council of Europe",
        "Interpol",
        "Commonwealth of Nations",
        "Mercosur",
        "Nordic Council",
        "Visegrad Group",
        "Andean Community",
        "La Francophonie",
        "European Commission",
        "European Parliament",
        "European Council",
        "Council of the European Union",
        "African Union Commission",
        "ASEAN Secretariat",
        "SCO Secretariat",
        "CICA Secretariat",
        "Eurasian Economic Commission",
        "Cooperation Council for the Arab States of the Gulf",
        "Organisation of Turkic States",
        "Conference on Interaction and Confidence-Building Measures in Asia",
        "Shanghai Cooperation Organization",
        "EEU",
    )
    REQUIRED_OUTLETS = (
        "Xinhua",
        "TASS",
        "RIA Novosti",
        "Interfax",
        "Trend",
        "BelTA",
        "BeLTA",
        "Kazinform",
        "Astana Times",
        "AKIpress",
        "Kabar",
        "UzA",
        "Daryo",
        "Khovar",
        "Turkmenistan Today",
        "Anadolu Agency",
        "Reuters",
        "AP",
        "AFP",
        "BBC",
        "CGTN",
        "China Daily",
        "Global Times",
        "People's Daily",
        "SCMP",
        "Al Jazeera",
        "Kyodo News",
        "Yonhap",
        "IRNA",
        "APA",
        "Azertac",
        "Bernama",
        "Antara",
        "VNA",
        "PTI",
        "ANI",
        "Dawn",
        "The Hindu",
        "Sputnik",
        "Euronews",
        "DW",
    )

    def test_at_least_80(self):
        self.assertGreaterEqual(len(load_organisations()), 80)

    def test_fields_and_kinds(self):
        keys = by_key()
        for org in load_organisations():
            with self.subTest(org=org["key"]):
                self.assertEqual(set(org), set(reference.ORGANISATION_FIELDS))
                self.assertRegex(org["key"], r"^[a-z0-9]+(-[a-z0-9]+)*$")
                self.assertIn(org["kind"], ORGANISATION_KINDS)
                self.assertTrue(org["name"].strip())
                if org["parent"] is not None:
                    self.assertIn(org["parent"], keys)

    def test_required_acronyms(self):
        present = acronyms()
        for acronym in self.REQUIRED_ACRONYMS:
            self.assertIn(acronym, present)

    def test_required_names(self):
        names = all_org_names()
        for name in self.REQUIRED_NAMES:
            self.assertIn(name, names)

    def test_at_least_30_media_outlets(self):
        media = [org for org in load_organisations() if org["kind"] == "media"]
        self.assertGreaterEqual(len(media), 30)
        names = set()
        for org in media:
            names.update(reference.organisation_names(org))
        for outlet in self.REQUIRED_OUTLETS:
            self.assertIn(outlet, names)
        for org in media:
            self.assertEqual(org["members"], [], org["key"])

    def test_sco(self):
        orgs = by_key()
        sco = orgs["sco"]
        self.assertEqual(sco["name"], "Shanghai Cooperation Organisation")
        self.assertEqual(sco["kind"], "intergovernmental")
        self.assertIsNone(sco["parent"])
        self.assertEqual(
            set(sco["members"]),
            {"CN", "IN", "IR", "KZ", "KG", "PK", "RU", "TJ", "UZ", "BY"},
        )
        self.assertEqual(orgs["sco-secretariat"]["parent"], "sco")
        self.assertEqual(orgs["sco-rats"]["acronym"], "RATS")
        self.assertEqual(orgs["sco-rats"]["parent"], "sco")
        council = orgs["sco-foreign-ministers-council"]
        self.assertEqual(
            council["name"],
            "Council of Foreign Ministers of the Shanghai Cooperation Organisation",
        )
        self.assertEqual(council["parent"], "sco")
        for name in (
            "SCO Council of Foreign Ministers",
            "SCO Council of Ministers of Foreign Affairs",
            "SCO Foreign Ministers Council",
        ):
            self.assertIn(name, council["other_names"])

    def test_cica(self):
        orgs = by_key()
        self.assertEqual(
            orgs["cica"]["name"],
            "Conference on Interaction and Confidence Building Measures in Asia",
        )
        self.assertEqual(orgs["cica-secretariat"]["parent"], "cica")
        self.assertIn("KZ", orgs["cica"]["members"])

    def test_un_organs(self):
        orgs = by_key()
        for key in (
            "un-general-assembly",
            "un-security-council",
            "ecosoc",
            "unesco",
            "unicef",
            "undp",
            "who",
            "escap",
            "iaea",
            "unhcr",
            "wfp",
            "icj",
        ):
            self.assertEqual(orgs[key]["parent"], "un", key)
        self.assertEqual(len(orgs["un"]["members"]), 193)
        self.assertNotIn("PS", orgs["un"]["members"])
        self.assertNotIn("TW", orgs["un"]["members"])

    def test_member_counts(self):
        orgs = by_key()
        expected = {
            "eu": 27,
            "nato": 32,
            "au": 55,
            "osce": 57,
            "oic": 57,
            "arab-league": 22,
            "gcc": 6,
            "eaeu": 5,
            "csto": 6,
            "ots": 5,
            "g7": 7,
            "asean": 11,
        }
        for key, count in expected.items():
            self.assertEqual(len(orgs[key]["members"]), count, key)

    def test_eu_organs(self):
        orgs = by_key()
        for key in (
            "european-commission",
            "european-parliament",
            "european-council",
            "council-of-the-eu",
        ):
            self.assertEqual(orgs[key]["parent"], "eu")

    def test_outlet_countries(self):
        orgs = by_key()
        self.assertEqual(orgs["xinhua"]["country"], "CN")
        self.assertEqual(orgs["tass"]["country"], "RU")
        self.assertEqual(orgs["kazinform"]["country"], "KZ")
        self.assertEqual(orgs["belta"]["acronym"], "BelTA")
        self.assertIn("BeLTA", orgs["belta"]["other_names"])


class ValidatorTests(unittest.TestCase):
    """validate_reference() must catch each kind of problem it promises to catch."""

    def setUp(self):
        self.countries = copy.deepcopy(load_countries())
        self.orgs = copy.deepcopy(load_organisations())

    def problems(self):
        return validate_reference(self.countries, self.orgs)

    def country(self, code):
        return next(c for c in self.countries if c["iso2"] == code)

    def org(self, key):
        return next(o for o in self.orgs if o["key"] == key)

    def assertProblem(self, pattern):
        problems = self.problems()
        self.assertTrue(any(re.search(pattern, p) for p in problems), problems)

    def test_copies_are_clean(self):
        self.assertEqual(self.problems(), [])

    def test_duplicate_iso2(self):
        self.country("KG")["iso2"] = "KZ"
        self.assertProblem("duplicate iso2 KZ")

    def test_duplicate_iso3(self):
        self.country("KG")["iso3"] = "KAZ"
        self.assertProblem("duplicate iso3 KAZ")

    def test_malformed_code(self):
        self.country("KG")["iso3"] = "kg1"
        self.assertProblem("malformed iso3")

    def test_name_used_by_two_countries(self):
        self.country("KG")["other_names"].append("Kazakhstan")
        self.assertProblem("country name 'kazakhstan' used by KG, KZ")

    def test_shared_demonym(self):
        self.country("KG")["demonyms"].append("Kazakh")
        self.assertProblem("demonym 'kazakh' shared by KG, KZ")

    def test_missing_demonym(self):
        self.country("KG")["demonyms"] = []
        self.assertProblem("KG: sovereign state without a demonym")

    def test_duplicate_org_key(self):
        self.orgs.append(dict(self.org("sco")))
        self.assertProblem("duplicate organisation key 'sco'")

    def test_unknown_parent(self):
        self.org("sco-secretariat")["parent"] = "no-such-org"
        self.assertProblem("sco-secretariat: unknown parent 'no-such-org'")

    def test_unknown_member(self):
        self.org("sco")["members"].append("XX")
        self.assertProblem("sco: unknown member 'XX'")

    def test_unknown_kind(self):
        self.org("sco")["kind"] = "club"
        self.assertProblem("sco: unknown kind")

    def test_parent_cycle(self):
        self.org("sco")["parent"] = "sco-secretariat"
        self.assertProblem("parent chain has a cycle")


if __name__ == "__main__":
    unittest.main()

"""Translations of the shared UI. Pages keep their own texts next to them with `tr`."""

from __future__ import annotations

LANGS = {"en": "English", "sv": "Svenska"}

TEXT: dict[str, dict[str, str]] = {
    "app_title": {"en": "Social media org simulator", "sv": "Organisationssimulator för sociala medier"},
    "page_simulator": {"en": "Simulator", "sv": "Simulator"},
    "page_compare": {"en": "Compare", "sv": "Jämför"},
    "page_tradeoffs": {"en": "Trade-offs", "sv": "Avvägningar"},
    "page_capabilities": {"en": "Capabilities", "sv": "Kapabiliteter"},
    "page_assumptions": {"en": "Assumptions", "sv": "Antaganden"},
    "language": {"en": "Language", "sv": "Språk"},
    "team_size": {"en": "In-house team (people)", "sv": "Internt team (personer)"},
    "team_size_help": {"en": "Headcount dedicated to social media work.",
                       "sv": "Antal personer som arbetar med sociala medier."},
    "budget_sek": {"en": "Annual budget (SEK)", "sv": "Årsbudget (kr)"},
    "budget_help": {"en": "Fully loaded in-house cost plus agency and freelance fees; ad media spend is not included.",
                    "sv": "Fullt belastad intern kostnad plus byrå- och frilansarvoden; mediebudget för annonser ingår inte."},
    "workload": {"en": "Workload", "sv": "Arbetsmängd"},
    "channels": {"en": "Channels", "sv": "Kanaler"},
    "posts_per_week": {"en": "Posts per week", "sv": "Inlägg per vecka"},
    "video_share": {"en": "Share of posts that are video", "sv": "Andel inlägg som är video"},
    "inbound_per_week": {"en": "Comments and messages per week", "sv": "Kommentarer och meddelanden per vecka"},
    "ad_spend_sek_month": {"en": "Ad media spend (SEK per month)", "sv": "Mediebudget annonser (kr per månad)"},
    "influencers": {"en": "Influencers (0 = no programme)", "sv": "Influencers (0 = inget program)"},
    "org_size": {"en": "Employees in the organisation", "sv": "Anställda i organisationen"},
    "marketing_lead_hours": {"en": "Head of marketing's hours for social (per week)",
                             "sv": "Marknadsansvarigs timmar för sociala medier (per vecka)"},
    "volunteer_hours": {"en": "Unpaid hours per week (founder, volunteers, colleagues)",
                        "sv": "Obetalda timmar per vecka (grundare, volontärer, kollegor)"},
    "team": {"en": "Team composition", "sv": "Teamets sammansättning"},
    "custom_team": {"en": "Choose the role of each seat", "sv": "Välj roll för varje tjänst"},
    "ladder_caption": {"en": "The plan fills up to this many seats with the best roles for this workload and budget (see who does what).",
                       "sv": "Planen tillsätter upp till så många tjänster med de bästa rollerna för den här arbetsmängden och budgeten (se vem gör vad)."},
    "add_seat": {"en": "Add a seat", "sv": "Lägg till en tjänst"},
    "remove_seat": {"en": "Remove this seat", "sv": "Ta bort tjänsten"},
    "seat": {"en": "Seat", "sv": "Tjänst"},
    "sourcing": {"en": "Sourcing", "sv": "Inköp"},
    "outsource": {"en": "Buy outside first", "sv": "Köp utifrån först"},
    "insource": {"en": "Never buy outside", "sv": "Köp aldrig utifrån"},
    "preset": {"en": "Start from a preset", "sv": "Utgå från ett förval"},
    "preset_placeholder": {"en": "Choose a preset…", "sv": "Välj ett förval…"},
    "url_notes": {"en": "Some values in the link could not be used; defaults were used instead:",
                  "sv": "Några värden i länken kunde inte användas; standardvärden används i stället:"},
    "no_team": {"en": "No in-house seats: everything is bought or left undone.",
                "sv": "Inga interna tjänster: allt köps in eller blir ogjort."},
    "in_house": {"en": "In-house", "sv": "Internt"},
    "agency": {"en": "Agency", "sv": "Byrå"},
    "freelancer": {"en": "Freelancer", "sv": "Frilans"},
    "uncovered": {"en": "Uncovered", "sv": "Otäckt"},
    "critical": {"en": "Critical", "sv": "Kritisk"},
    "warning": {"en": "Warning", "sv": "Varning"},
    "info": {"en": "Info", "sv": "Info"},
    "assumptions_edited": {"en": "Assumptions differ from the defaults (see Assumptions).",
                           "sv": "Antagandena skiljer sig från standard (se Antaganden)."},
    # ---- charts (ui/charts.py) ----
    "chart_load": {"en": "Load per person against capacity (h/week)", "sv": "Belastning per person mot kapacitet (h/vecka)"},
    "chart_coverage": {"en": "Coverage per capability", "sv": "Täckning per kapabilitet"},
    "chart_cost": {"en": "Cost against budget (SEK per year)", "sv": "Kostnad mot budget (kr per år)"},
    "chart_flow": {"en": "Who does what: capability → provider (h/week)", "sv": "Vem gör vad: kapabilitet → utförare (h/vecka)"},
    "hours_week": {"en": "Hours per week", "sv": "Timmar per vecka"},
    "capacity": {"en": "Capacity", "sv": "Kapacitet"},
    "over_capacity": {"en": "Over capacity", "sv": "Över kapacitet"},
    "coordination": {"en": "Coordinating suppliers", "sv": "Samordning av leverantörer"},
    "quality_gap": {"en": "Done at lower fit", "sv": "Utfört med sämre matchning"},
    "not_done": {"en": "Not done", "sv": "Blir inte gjort"},
    "no_demand": {"en": "no demand", "sv": "inget behov"},
    "share_of_demand": {"en": "Share of the capability's demand", "sv": "Andel av kapabilitetens behov"},
    "budget": {"en": "Budget", "sv": "Budget"},
    "remaining": {"en": "Left of budget", "sv": "Kvar av budget"},
    "over_budget": {"en": "Over budget", "sv": "Över budget"},
    "plan_cost": {"en": "Plan", "sv": "Plan"},
    "no_people": {"en": "Nobody in-house carries any work.", "sv": "Ingen internt bär något arbete."},
    "chart_fit": {"en": "Who fits what (fit 0–1)", "sv": "Vem passar för vad (matchning 0–1)"},
    "fit": {"en": "Fit", "sv": "Matchning"},
    "no_work": {"en": "The workload gives no hours to assign.", "sv": "Arbetsmängden ger inga timmar att fördela."},
}


def t(key: str, lang: str = "en") -> str:
    """The shared text `key` in `lang` (English when missing; the key itself if unknown)."""
    entry = TEXT.get(key)
    if entry is None:
        return key
    return entry.get(lang, entry["en"])


def tr(lang: str, en: str, sv: str) -> str:
    """Inline translation for page-specific texts: tr(lang, 'Save', 'Spara')."""
    return sv if lang == "sv" else en


# What model.scenario writes about a value it refused, in Swedish. The notes name URL keys and
# values, which stay as they are; the words around them are translated.
_NOTE_SV = (
    (r"; default (.+) used$", r"; standardvärdet \1 används"),
    (r"expected a whole number, got", "förväntade ett heltal, fick"),
    (r"expected a number, got", "förväntade ett tal, fick"),
    (r"expected a list of ids, got", "förväntade en lista med id:n, fick"),
    (r"expected a mapping of scenario fields, got", "förväntade fält för ett scenario, fick"),
    (r" is outside ", " ligger utanför "),
    (r"unknown id", "okänt id"),
    (r"^unknown field (.+) ignored$", r"okänt fält \1 ignoreras"),
    (r"^unknown link parameter (.+) ignored$", r"okänd parameter \1 i länken ignoreras"),
    (r"^unknown field (.+)$", r"okänt fält \1"),
    (r"seats is more than", "tjänster är fler än"),
    (r"ids is too many", "id:n är för många"),
    (r"^not valid YAML", "inte giltig YAML"),
    (r" at line (\d+), column (\d+)", r" på rad \1, kolumn \2"),
    (r"^aliases \(\*name\) are not accepted", "alias (*namn) godtas inte"),
    (r"^nested deeper than (\d+) levels", r"nästlad djupare än \1 nivåer"),
    (r"^key (.+) is given twice \(lines (\d+) and (\d+)\); keep one$",
     r"nyckeln \1 finns två gånger (rad \2 och \3); behåll en"),
    (r"^more than ([\d,]+) values", r"fler än \1 värden"),
    (r"^a value longer than ([\d,]+) characters", r"ett värde längre än \1 tecken"),
    (r"a number with ([\d,]+) digits is far too large", r"ett tal med \1 siffror är alldeles för stort"),
    (r" is not true or false", " är varken true eller false"),
    (r" is not a whole number", " är inte ett heltal"),
    (r" is not a number", " är inte ett tal"),
    (r"^a list or mapping cannot be a key", "en lista eller mappning kan inte vara en nyckel"),
    (r": unknown tag$", ": okänd tagg"),
    (r" \(line (\d+)\)", r" (rad \1)"),
    (r"\(not a scenario field", "(inte ett fält i ett scenario"),
    (r"did you mean (.+)\?\)", r"menade du \1?)"),
    (r"^larger than", "större än"),
    (r"^not UTF-8 text", "inte UTF-8-text"),
    (r"^query parameters could not be read", "länkens parametrar kunde inte läsas"),
)


def note(text: str, lang: str = "en") -> str:
    """A note about refused input in the language (Swedish by phrase; English as written)."""
    import re

    if lang != "sv":
        return text
    for pattern, replacement in _NOTE_SV:
        text = re.sub(pattern, replacement, text)
    return text

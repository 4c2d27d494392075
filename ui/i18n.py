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
    "team": {"en": "Team composition", "sv": "Teamets sammansättning"},
    "custom_team": {"en": "Choose the role of each seat", "sv": "Välj roll för varje plats"},
    "ladder_caption": {"en": "Seats follow the hiring ladder:", "sv": "Platserna följer rekryteringsstegen:"},
    "add_seat": {"en": "Add a seat", "sv": "Lägg till plats"},
    "remove_seat": {"en": "Remove this seat", "sv": "Ta bort platsen"},
    "seat": {"en": "Seat", "sv": "Plats"},
    "sourcing": {"en": "Sourcing", "sv": "Inköp"},
    "outsource": {"en": "Buy outside first", "sv": "Köp utifrån först"},
    "insource": {"en": "Never buy outside", "sv": "Köp aldrig utifrån"},
    "preset": {"en": "Start from a preset", "sv": "Utgå från ett förval"},
    "preset_placeholder": {"en": "Choose a preset…", "sv": "Välj ett förval…"},
    "url_notes": {"en": "Some values in the link could not be used; defaults were used instead:",
                  "sv": "Några värden i länken kunde inte användas; standardvärden används i stället:"},
    "no_team": {"en": "No in-house seats: everything is bought or left undone.",
                "sv": "Inga interna platser: allt köps in eller blir ogjort."},
    "in_house": {"en": "In-house", "sv": "Internt"},
    "agency": {"en": "Agency", "sv": "Byrå"},
    "freelancer": {"en": "Freelancer", "sv": "Frilans"},
    "uncovered": {"en": "Uncovered", "sv": "Otäckt"},
    "critical": {"en": "Critical", "sv": "Kritisk"},
    "warning": {"en": "Warning", "sv": "Varning"},
    "info": {"en": "Info", "sv": "Info"},
    "assumptions_edited": {"en": "Assumptions differ from the defaults (see Assumptions).",
                           "sv": "Antagandena skiljer sig från standard (se Antaganden)."},
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

"""The fixed ids of shared/DESIGN.md: code, URLs, data and tests all use these."""

from __future__ import annotations

CAPABILITIES: tuple[str, ...] = (
    "strategy", "lead", "plan", "create", "administer",
    "community", "influencer", "advertise", "analyze",
)

ROLES: tuple[str, ...] = (
    "head_of_marketing", "head_of_social", "communications_manager", "marketing_coordinator",
    "social_media_manager", "content_manager", "copywriter", "video_producer", "graphic_designer",
    "community_manager", "customer_support", "pr_manager", "influencer_manager",
    "digital_marketer", "paid_media_manager", "web_analyst", "data_manager",
)

AGENCIES: tuple[str, ...] = (
    "social_media_agency", "digital_media_agency", "video_production_agency",
    "community_agency", "customer_service_outsourcer", "influencer_agency",
)
FREELANCERS: tuple[str, ...] = (
    "freelance_designer", "freelance_video_producer", "freelance_copywriter", "freelance_consultant",
    "freelance_social_media_manager",
)
PROVIDERS: tuple[str, ...] = AGENCIES + FREELANCERS

PROVIDER_TYPES: tuple[str, ...] = ("in_house", "agency", "freelancer")
SEVERITIES: tuple[str, ...] = ("info", "warning", "critical")
LANGUAGES: tuple[str, ...] = ("en", "sv")

# The seat id of the head of marketing, who sits outside the team and gives
# `marketing_lead_hours` a week to social strategy.
MARKETING_LEAD_SEAT = "marketing_lead"

# The seat id of the unpaid hours (founder, volunteers, colleagues in other units), and the
# role id its Person carries: not one of the in-house roles, it has a generalist's fit (settings).
VOLUNTEER_SEAT = "volunteers"
VOLUNTEER_ROLE = "volunteer"

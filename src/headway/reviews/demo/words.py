"""The demo owner's vocabulary: names, organisations, and the phrases entries use.

Plain tuples, read in order by a seeded `random.Random`, so a seed always
draws the same words.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Amara", "Ben", "Chen", "Dara", "Elif", "Farid", "Grace", "Hiro", "Ines",
    "Jonas", "Kavya", "Liam", "Mei", "Nadia", "Omar", "Priya", "Quinn", "Rosa",
    "Sven", "Tariq", "Uma", "Victor", "Wanjiru", "Xavier", "Yara", "Zoe",
    "Aisha", "Bruno", "Camille", "Diego", "Emeka", "Fatima", "Gabriel", "Hana",
    "Ivan", "Julia", "Kofi", "Lena", "Mateo", "Noor", "Olga", "Pablo", "Rhea",
    "Sofia", "Tomás", "Ulla", "Vikram", "Wen", "Yusuf", "Zainab", "Anouk",
    "Björn", "Chiara", "Dmitri", "Esther", "Felix", "Giulia", "Hugo", "Ingrid",
    "Jamal",
)  # fmt: skip
LAST_NAMES = (
    "Adeyemi", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García",
    "Haddad", "Ito", "Jensen", "Kowalski", "López", "Müller", "Nakamura",
    "Okafor", "Petrov", "Quintero", "Rossi", "Singh", "Tanaka", "Umarov",
    "Varga", "Wójcik", "Xu", "Yilmaz", "Zhang", "Andersson", "Bianchi",
    "Chowdhury", "Delgado", "Engel", "Fontaine", "Gupta", "Horvat", "Iqbal",
    "Jovanović", "Kim", "Lindqvist", "Mensah", "Novak", "O'Brien", "Park",
    "Ramírez", "Sato", "Teixeira", "Ueda", "Vasquez", "Weber", "Yamamoto",
    "Zielinski", "Achebe", "Brennan", "Castillo", "Dimitrov", "Ekström",
    "Ferreira", "Grünberg", "Hoang", "Ivanova", "Juárez",
)  # fmt: skip

# The three employers of the demo career, in order, with the role held there.
EMPLOYERS = (
    ("Northwind Analytics", "Software Engineer"),
    ("Brightline Health", "Senior Software Engineer"),
    ("Keel Logistics", "Staff Engineer"),
)
TARGET_ROLE = "Engineering Manager"
# What the target role needs ("skill:level", see coach.gaps.parse_need); the
# first ones get evidence, the last are gaps, and one is an experience.
TARGET_NEEDS_EVIDENCED = ("People management:3", "Coaching:3", "Roadmap planning:2")
TARGET_NEEDS_GAPS = ("Hiring:3", "Budgeting:2", "Performance reviews:3",
                     "led a team of 5+")  # fmt: skip

# Skills the owner exercises in each role (entries link to them).
ROLE_SKILLS = (
    ("Python", "SQL", "Testing", "Code review", "Data modelling"),
    ("System design", "PostgreSQL", "Incident response", "Mentoring", "Coaching"),
    ("Architecture", "People management", "Roadmap planning", "Public speaking",
     "Stakeholder management"),
)  # fmt: skip
ROLE_PROJECTS = (
    ("the reporting pipeline", "the billing export", "the customer dashboard",
     "the test suite", "the data warehouse"),
    ("the appointments service", "the patient portal", "the on-call rota",
     "the search index", "the audit log"),
    ("the routing engine", "the platform roadmap", "the shipment tracker",
     "the hiring loop", "the reliability programme"),
)  # fmt: skip

OTHER_ORGANISATIONS = (
    "PyData Berlin", "Women in Tech Guild", "Acme Cloud", "Blue Harbor Bank",
    "Open Source Initiative", "DevOpsDays", "Lumen Consulting", "Stackwise",
    "City University", "Talent Bridge Recruiting", "Orbit Payments",
    "Greenfield Energy", "Mosaic Media", "Pioneer Robotics", "Atlas Insurance",
    "Quarry Labs", "Harbour Freight Tech", "Civic Data Lab", "Nimbus AI",
    "Meridian Retail",
)  # fmt: skip
OTHER_ROLES = (
    "Engineering Manager", "Product Manager", "Data Scientist", "Designer",
    "CTO", "Developer Advocate", "Recruiter", "Principal Engineer",
    "Site Reliability Engineer", "Professor", "Founder", "Consultant",
    "Backend Engineer", "Frontend Engineer", "QA Lead",
)  # fmt: skip
COLLEAGUE_ROLES = (
    "Software Engineer", "Senior Software Engineer", "Product Manager",
    "Designer", "Data Analyst", "QA Engineer", "Engineering Manager",
    "Support Lead", "Site Reliability Engineer",
)  # fmt: skip
PLACES = (
    "PyCon", "a local Python meetup", "DevOpsDays", "a LinkedIn group",
    "a conference hallway", "the company offsite", "an open-source sprint",
    "a friend's introduction", "a hackathon", "a webinar",
)  # fmt: skip
CONTACT_TAGS = ("peer", "influencer", "recruiter", "mentee", "alumni", "community")
INTERACTION_NOTES = (
    "Caught up on their new project.", "Swapped notes on hiring.",
    "They asked about our migration.", "Talked about conference talks.",
    "Shared an article on platform teams.", "Quick check-in.",
    "Discussed career moves.", "Introduced them to a former colleague.",
    "Reviewed their talk proposal.", "They gave advice on negotiation.",
)  # fmt: skip

PROVIDERS = ("Coursera", "O'Reilly", "AWS", "Linux Foundation", "Udemy", "Pluralsight")
CERTIFICATIONS = (
    "AWS Solutions Architect", "Certified Kubernetes Administrator",
    "Google Cloud Professional Data Engineer", "Scrum Master (PSM I)",
    "Azure Fundamentals",
)  # fmt: skip
COURSES = (
    "Designing Data-Intensive Applications", "Leading Engineering Teams",
    "Advanced SQL", "Distributed Systems", "Effective Communication",
    "Site Reliability Engineering", "Negotiation Essentials",
)  # fmt: skip
PUBLICATIONS = (
    "ACM Queue", "The Pragmatic Engineer", "InfoQ", "Harvard Business Review",
    "Stack Overflow Blog", "LWN.net", "Increment",
)  # fmt: skip
TRENDS = (
    "platform engineering", "AI-assisted coding", "remote work", "observability",
    "data privacy", "developer experience", "FinOps", "supply-chain security",
)  # fmt: skip
VIEWS = (
    "Useful, but the hype runs ahead of the evidence.",
    "We should try this on one team first.",
    "Matches what I saw on our last migration.",
    "I disagree with the conclusion; small teams need less process.",
)  # fmt: skip
VENUES = {
    "user_group": ("Python User Group", "Postgres User Group"),
    "meetup": ("Cloud Native Meetup", "Data Engineering Meetup"),
    "conference": ("PyCon", "EuroPython", "QCon", "DevOpsDays"),
    "internal": ("Engineering all-hands", "Lunch and learn"),
}
CONTENT_PLACES = ("my blog", "dev.to", "the company engineering blog", "GitHub")
FEEDBACK_ADJUSTMENTS = (
    "Share design drafts earlier, before they feel finished.",
    "Say no to side requests that do not serve the quarter's goals.",
    "Give the team more context on why, not only what.",
    "Write shorter status updates with the decision first.",
    "Let others run the incident review and coach afterwards.",
)  # fmt: skip
FEEDBACK_PRAISE = (
    "Clear writing in the design review.", "Calm handling of the outage.",
    "Great onboarding of the new hires.", "The roadmap finally made sense.",
)  # fmt: skip
SETBACKS = (
    ("The migration slipped by six weeks",
     "We underestimated the data clean-up.",
     "Spike the riskiest part first.",
     "Estimate the unknowns separately from the known work."),
    ("My promotion case was deferred",
     "The evidence was scattered and too late.",
     "Keep a brag document all year.",
     "Log accomplishments the week they happen."),
    ("An outage during the launch",
     "No load test on the new path.",
     "Load test before every launch.",
     "A launch checklist is cheaper than a post-mortem."),
    ("My talk proposal was rejected",
     "The abstract promised too much.",
     "Ask a mentor to read the abstract.",
     "Narrow the story to one lesson."),
)  # fmt: skip
DROP_REASONS = (
    "The team was reorganised and the project ended.",
    "Priorities changed after the role change.",
    "Not worth it any more: my priorities moved on.",
    "Family came first this year.",
    "The company stopped funding conference travel.",
)  # fmt: skip
MEETING_AGENDAS = (
    "Progress on my goals; the next quarter; feedback on the design review.",
    "Career path towards management; what to delegate.",
    "Blockers on the project; visibility of my work.",
)  # fmt: skip
MEETING_FOLLOW_UPS = (
    "Send the draft roadmap by Friday.", "Ask for a stretch assignment.",
    "Book a session with the hiring team.", "Read the book they recommended.",
)  # fmt: skip
NOTES = (
    "Thoughts on the reorg", "Ideas for next quarter", "Notes from the offsite",
    "What I want from my next role", "Reflections after a long week",
    "Questions for the all-hands",
)  # fmt: skip
INITIATIVES = (
    ("raised_hand", "Raised my hand to own {project}"),
    ("responsibility", "Took over the on-call handbook for {project}"),
    ("volunteered", "Volunteered to run the interview training"),
    ("led_project", "Led the working group on {project}"),
    ("spoke_up", "Spoke up in planning about the risks of {project}"),
)  # fmt: skip

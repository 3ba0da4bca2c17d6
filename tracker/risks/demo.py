"""Demo: the ten risk directions of 2022 with suggested measures, and the verified profiles of
the three 500+ schools of the reference report."""
from datetime import UTC, datetime

from tracker.db import db
from tracker.demo import data
from tracker.risks.models import (RiskDirection, RiskLevel, RiskProfile, RiskProfileEntry,
                                  SuggestedMeasure)

DIRECTIONS = (
    "Низкий уровень оснащения школы",
    "Дефицит педагогических кадров",
    "Недостаточная предметная и методическая компетентность педагогических работников",
    "Риски низкой адаптивности учебного процесса",
    "Несформированность внутришкольной системы повышения квалификации",
    "Низкое качество преодоления языковых и культурных барьеров",
    "Пониженный уровень качества школьной образовательной и воспитательной среды",
    "Высокая доля обучающихся с рисками учебной неуспешности",
    "Низкий уровень вовлеченности родителей",
    "Низкая учебная мотивация обучающихся",
)
EQUIPMENT, STAFF, COMPETENCE, ADAPTIVITY, TRAINING, LANGUAGE, ENVIRONMENT, FAILURE, PARENTS, \
    MOTIVATION = DIRECTIONS

SUGGESTIONS = {
    EQUIPMENT: (("Мониторинг обеспеченности учебных кабинетов оборудованием", "справка, перечень"),
                ("Составление перечня оборудования для закупки", "перечень")),
    STAFF: (("Анализ кадровых потребностей школы", "справка"),
            ("Договор о целевом обучении выпускников", "договор")),
    COMPETENCE: (("Диагностика профессиональных дефицитов педагогов", "справка, протокол"),
                 ("Участие педагогов в семинарах «Школа – школе»", "сертификаты")),
    TRAINING: (("Индивидуальные программы развития педагогов", "программы развития"),),
    ENVIRONMENT: (("Анкетирование обучающихся и родителей о комфортности среды", "справка"),),
    FAILURE: (("Внедрение критериального оценивания", "приказ, положение"),),
    MOTIVATION: (("Исследование учебной мотивации обучающихся", "справка"),),
}

# school: verified directions (the report's list), and the rest of the profile's levels
VERIFIED = {
    "МАОУ «СОШ № 5»": (STAFF, COMPETENCE, FAILURE),
    "МАОУ «СОШ № 7 имени Пичуева Л.П.»": (EQUIPMENT, STAFF, COMPETENCE, TRAINING, ENVIRONMENT),
    "МБОУ «СОШ № 17»": (COMPETENCE, ENVIRONMENT),
}
OTHER_LEVELS = {
    "МАОУ «СОШ № 5»": {EQUIPMENT: "low", TRAINING: "medium", MOTIVATION: "medium",
                       PARENTS: "low"},
    "МАОУ «СОШ № 7 имени Пичуева Л.П.»": {FAILURE: "medium", MOTIVATION: "medium",
                                          PARENTS: "medium", ADAPTIVITY: "low"},
    "МБОУ «СОШ № 17»": {STAFF: "medium", FAILURE: "medium", TRAINING: "low",
                        MOTIVATION: "low"},
}
VERIFIED_AT = datetime(data.YEAR, 2, 15, 4, 0, tzinfo=UTC)


def load_risks(context) -> None:
    directions = {}
    for position, name in enumerate(DIRECTIONS, start=1):
        direction = RiskDirection(year=data.YEAR, position=position, name=name)
        direction.suggestions = [SuggestedMeasure(title=title, evidence_kind=kind, position=i)
                                 for i, (title, kind) in enumerate(SUGGESTIONS.get(name, ()), 1)]
        directions[name] = direction
        db.session.add(direction)
    context.risk_directions = directions
    curator = context.users["curator"]
    for short_name, verified in VERIFIED.items():
        profile = RiskProfile(school=context.schools[short_name], year=data.YEAR,
                              verified_by=curator, verified_at=VERIFIED_AT,
                              verification_comment="Профиль обсуждён с управленческой командой "
                                                   "школы на установочном визите.")
        for name, direction in directions.items():
            is_verified = name in verified
            level = RiskLevel.HIGH if is_verified else OTHER_LEVELS[short_name].get(name, "none")
            profile.entries.append(RiskProfileEntry(
                direction=direction, level=level, is_chosen=is_verified, is_verified=is_verified,
                verified_by=curator if is_verified else None,
                verified_at=VERIFIED_AT if is_verified else None))
        db.session.add(profile)

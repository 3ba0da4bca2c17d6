"""Factories for risk directions, profiles, documents, programs, measures and evidence."""
from datetime import date

from tracker import storage
from tracker.db import db
from tracker.programs.measure_models import Evidence, Measure
from tracker.programs.models import (AntiRiskProgram, ConceptDocument, DocumentVersion,
                                     ProgramIndicator)
from tracker.risks.models import RiskDirection, RiskProfile, RiskProfileEntry, SuggestedMeasure

from tests.upload_corpus import PDF


def make_direction(year: int = 2022, name: str | None = None, position: int = 1) -> RiskDirection:
    direction = RiskDirection(year=year, name=name or f"Направление {position}",
                              position=position)
    db.session.add(direction)
    db.session.flush()
    return direction


def make_suggestion(direction: RiskDirection,
                    title: str = "Провести мониторинг") -> SuggestedMeasure:
    suggestion = SuggestedMeasure(direction=direction, title=title, evidence_kind="справка")
    db.session.add(suggestion)
    db.session.flush()
    return suggestion


def make_profile(school, directions, *, year: int = 2022, level: str = "high",
                 chosen: bool = True) -> RiskProfile:
    profile = RiskProfile(school=school, year=year)
    profile.entries = [RiskProfileEntry(direction=d, level=level, is_chosen=chosen)
                       for d in directions]
    db.session.add(profile)
    db.session.flush()
    return profile


def make_program(school, direction, **fields) -> AntiRiskProgram:
    program = AntiRiskProgram(school=school, direction=direction,
                              goal=fields.pop("goal", "Снизить риск"),
                              tasks=fields.pop("tasks", "Задача 1\nЗадача 2"), **fields)
    db.session.add(program)
    db.session.flush()
    return program


def make_indicator(program) -> ProgramIndicator:
    indicator = ProgramIndicator(program=program, name="Доля педагогов", unit="%",
                                 baseline="40", target="80")
    db.session.add(indicator)
    db.session.flush()
    return indicator


def make_measure(program, *, title: str = "Мониторинг", due_on: date = date(2022, 5, 1),
                 status: str = "planned") -> Measure:
    measure = Measure(program=program, title=title, due_on=due_on, status=status)
    db.session.add(measure)
    db.session.flush()
    return measure


def make_evidence(measure, uploader, *, name: str = "справка.pdf", data: bytes = PDF,
                  verdict: str = "pending") -> Evidence:
    stored = storage.save_bytes(name, data)
    evidence = Evidence(measure=measure, uploaded_by=uploader, **stored.columns,
                        verdict=verdict)
    db.session.add(evidence)
    db.session.flush()
    return evidence


def make_document(school, uploader, *, kind: str = "concept", year: int = 2022,
                  title: str = "Концепция", data: bytes = PDF) -> ConceptDocument:
    stored = storage.save_bytes("Концепция развития.pdf", data)
    document = ConceptDocument(school=school, kind=kind, year=year, title=title)
    document.versions.append(DocumentVersion(
        number=1, **stored.columns, uploaded_by=uploader))
    db.session.add(document)
    db.session.flush()
    return document

"""Imports check every cell with the rules of the form fields, sized by the model's columns
(tracker.db.column_problem): a count beyond an INTEGER column or a text beyond its column is a
row error in Russian (422), nothing is written and no server error — on both engines."""
from tracker.auth.models import Role
from tracker.network import importing
from tracker.network.event_models import EventParticipation, MethodicalEvent

from tests.test_network_import import GOOD_EVENTS, count, town, upload, workbook  # noqa: F401


def test_cells_beyond_their_columns_are_row_errors(town, client, login_as):  # noqa: F811
    municipality, _schools = town
    login_as(Role.COORDINATOR, municipality=municipality)
    event = list(GOOD_EVENTS["Мероприятия"][1])
    event[0], event[6] = "Конкурс " * 80, 2**40  # 640 characters of String(500); beyond INTEGER
    participation = list(GOOD_EVENTS["Участие"][1])
    participation[0], participation[4], participation[5] = event[0], "Н" * 301, 10**12
    sheets = {"Мероприятия": [list(importing.EVENT_HEADERS), event],
              "Участие": [list(importing.PARTICIPATION_HEADERS), participation]}
    response = upload(client, f"/network/import/events?municipality={municipality.id}",
                      workbook(sheets))
    assert response.status_code == 422
    errors = response.text.split('data-testid="import-errors"')[1].split("</table>")[0]
    assert "<td>Мероприятия</td><td>2</td><td>Название</td><td>Не более 500 символов." in errors
    assert "<td>Мероприятия</td><td>2</td><td>Участников</td><td>Введите число от" in errors
    assert "<td>Участие</td><td>2</td><td>Номинация</td><td>Не более 300 символов." in errors
    assert "<td>Участие</td><td>2</td><td>Педагогов</td><td>Введите число от" in errors
    assert count(MethodicalEvent) == 0 and count(EventParticipation) == 0

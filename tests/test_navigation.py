"""The main menu: grouped by subject, filtered by role, lone entries of a group shown as links."""
from tracker.auth.models import Role
from tracker.ui import NavGroup, NavLink, nav_items


def endpoints(items) -> list[str]:
    found = []
    for item in items:
        links = item.links if isinstance(item, NavGroup) else (item,)
        found.extend(link.endpoint for link in links)
    return found


def test_a_director_sees_no_administration_and_no_coverage():
    seen = endpoints(nav_items(Role.DIRECTOR))
    assert "admin.users" not in seen and "visits.coverage_page" not in seen
    assert {"schools.index", "programs.queue", "visits.index"} <= set(seen)


def test_a_group_with_one_visible_link_becomes_that_link():
    items = nav_items(Role.CURATOR)
    visits = [item for item in items if isinstance(item, NavLink) and item.endpoint == "visits.index"]
    assert visits, "the curator's visits group holds only «Visits» and shows it as a plain link"
    assert not any(isinstance(item, NavGroup) and not item.links for item in items)


def test_the_administrator_sees_every_reference_list_in_one_group():
    groups = [item for item in nav_items(Role.ADMIN) if isinstance(item, NavGroup)]
    administration = next(group for group in groups
                          if "admin.references" in [link.endpoint for link in group.links])
    assert [link.endpoint for link in administration.links] == [
        "admin.users", "admin.audit", "admin.references", "risks.directions", "teachers.domains"]


def test_the_menu_renders_dropdowns_for_a_coordinator(client, login_as):
    login_as(Role.COORDINATOR)
    page = client.get("/schools/").get_data(as_text=True)
    assert 'class="nav-item dropdown"' in page and "dropdown-menu" in page


def test_programs_have_their_own_group_apart_from_schools():
    groups = [[link.endpoint for link in item.links]
              for item in nav_items(Role.COORDINATOR) if isinstance(item, NavGroup)]
    assert ["programs.index", "programs.pipeline", "addressed.index"] in groups
    assert ["schools.index", "risks.heatmap"] in groups


def test_the_regions_recommendations_are_in_the_programs_group_of_who_reads_them():
    for role, shown in ((Role.REGIONAL, True), (Role.COORDINATOR, True), (Role.CURATOR, False),
                        (Role.DIRECTOR, False)):
        endpoints = [link.endpoint for item in nav_items(role) if isinstance(item, NavGroup)
                     for link in item.links]
        assert ("addressed.index" in endpoints) is shown, role

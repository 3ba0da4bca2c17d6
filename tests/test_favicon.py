"""The icon: linked from every page and answered at /favicon.ico, so browsers log no 404."""


def test_the_login_page_links_an_icon_that_is_served(client):
    page = client.get("/login").get_data(as_text=True)
    assert 'rel="icon"' in page and "favicon.svg" in page
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and b"<svg" in icon.data


def test_favicon_ico_is_answered_with_the_svg(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml" and b"<svg" in response.data

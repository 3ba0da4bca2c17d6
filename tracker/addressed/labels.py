"""Names of the addressed recommendations' statuses and steps."""
from flask_babel import lazy_gettext as _l

from tracker.addressed.models import AddressedStatus

STATUSES = {AddressedStatus.OPEN: _l("Waiting for the answer"),
            AddressedStatus.ANSWERED: _l("Answered"), AddressedStatus.CLOSED: _l("Closed"),
            AddressedStatus.RETURNED: _l("Returned to the municipality")}
STEPS = {AddressedStatus.ANSWERED: _l("Answer of the municipality"),
         AddressedStatus.CLOSED: _l("Closed by the region"),
         AddressedStatus.RETURNED: _l("Returned by the region")}

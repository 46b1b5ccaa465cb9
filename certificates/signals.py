"""Events other apps (coverage) subscribe to.

`certificate_changed` is sent on commit, with `sender=Certificate` and `certificate=…`,
whenever a certificate is issued, replaced, revoked or moved to another person.
"""

from django.dispatch import Signal

certificate_changed = Signal()

"""Events other apps (coverage) subscribe to.

`certificate_changed` is sent on commit, with `sender=Certificate` and `certificates=[…]`,
whenever certificates are issued, replaced, revoked or moved to another person (one signal
for a session's bulk issue).
"""

from django.dispatch import Signal

certificate_changed = Signal()

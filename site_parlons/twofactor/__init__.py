"""Second factor (TOTP) for admin accounts, built on django-otp.

django-otp stores the devices and remembers in the session which device verified the user;
this package adds only what it leaves to the project: the admin pages to enrol, verify and
disable, and a superuser's reset of another account (``views``), the middleware that asks for
the code under ``/admin/`` (``middleware``), and the policy of who must have one (``otp``:
superusers and moderators unless ``ADMIN_2FA_REQUIRED`` is off).
"""

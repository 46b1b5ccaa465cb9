"""Certificates: issued once per achievement, rendered to PDF by Celery workers, verifiable.

(Built by the certificates issue; the app exists so the dependency order is fixed from the
start: certificates → trainees → courses → cms.)
"""

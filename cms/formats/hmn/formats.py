"""Date and number formats for H'Mông pages (Django has none for "hmn").

Without them Django would use its English defaults ("N j, Y") with Vietnamese month names.
Dates read as on Vietnamese papers, day first; in words: "hnub tim 5 lub 12 hli xyoo 2026"
(the fifth day of the twelfth month, year 2026), so no month name is needed.
"""

DATE_FORMAT = r"\h\n\u\b \t\i\m j \l\u\b n \h\l\i \x\y\o\o Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"H:i, \h\n\u\b \t\i\m j \l\u\b n \h\l\i \x\y\o\o Y"
YEAR_MONTH_FORMAT = r"\l\u\b n \h\l\i \x\y\o\o Y"
MONTH_DAY_FORMAT = r"\h\n\u\b \t\i\m j \l\u\b n \h\l\i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3

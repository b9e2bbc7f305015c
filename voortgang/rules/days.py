"""Calendar arithmetic for deadlines: month ends, spans, the next occurrence of a day."""
import calendar
from datetime import date, timedelta


def month_end(year, month):
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_workdays(day, count):
    """`count` working days (Monday to Friday) after `day`, without walking them one by one."""
    weeks, rest = divmod(count, 5)
    day += timedelta(weeks=weeks)
    while rest > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            rest -= 1
    return day


def next_occurrence(today, month, day):
    """The first month-day on or after today (29 February waits for a leap year)."""
    for year in range(today.year, min(today.year + 9, 10_000)):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def period_month_end(today, month):
    """The last day of the named month: this year's if it has not ended, else next."""
    for year in range(today.year, min(today.year + 2, 10_000)):
        end = month_end(year, month)
        if end >= today:
            return end
    return None


def quarter_end(year, quarter):
    return month_end(year, quarter * 3)


def shift(today, unit, amount):
    """today moved by `amount` units; weeks, months, quarters and years end on their last day."""
    try:
        return _shift(today, unit, amount)
    except (OverflowError, ValueError):
        return None  # past the end of the calendar (a `today` in the year 9999)


def _shift(today, unit, amount):
    if unit == "days":
        return today + timedelta(days=amount)
    if unit == "weeks":
        return today + timedelta(days=6 - today.weekday() + 7 * amount)
    if unit == "months":
        first = add_months(today.replace(day=1), amount)
        return month_end(first.year, first.month)
    if unit == "quarters":
        index = (today.month - 1) // 3 + amount
        year, quarter = divmod(index, 4)
        return quarter_end(today.year + year, quarter + 1)
    return date(today.year + amount, 12, 31)


# Spans longer than this are no deadline anyone means ("over 99999999 dagen").
MAX_SPAN_DAYS = 366 * 20


def span_end(today, unit, amount):
    """today plus a span, or None when the span is beyond any sensible deadline."""
    days_per_unit = {"days": 1, "workdays": 1.4, "weeks": 7, "fortnights": 14, "months": 31,
                     "quarters": 92, "years": 366}
    if amount * days_per_unit.get(unit, 366) > MAX_SPAN_DAYS:
        return None
    try:
        return _span_end(today, unit, amount)
    except (OverflowError, ValueError):
        return None  # past the end of the calendar


def _span_end(today, unit, amount):
    if unit == "days":
        return today + timedelta(days=amount)
    if unit == "workdays":
        return add_workdays(today, amount)
    if unit == "fortnights":
        return today + timedelta(weeks=2 * amount)
    if unit == "weeks":
        return today + timedelta(weeks=amount)
    if unit == "months":
        return add_months(today, amount)
    if unit == "quarters":
        return add_months(today, 3 * amount)
    return add_months(today, 12 * amount)


def safe_date(year, month, day):
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_year(text):
    year = int(text.lstrip("'"))
    return year + 2000 if year < 100 else year


def easter(year):
    """Easter Sunday of a year (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year, month, weekday, nth):
    """The nth (1-5, or -1 for the last) weekday (0 is Monday) of a month, or None."""
    if nth == -1:
        last = month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    day = 1 + (weekday - first.weekday()) % 7 + 7 * (nth - 1)
    return safe_date(year, month, day) if 1 <= nth <= 5 else None

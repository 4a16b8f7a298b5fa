-- A measure is its roadmap's year and its number: two decrees both number their measures from 1.
SELECT source_text FROM measures WHERE roadmap_year = $year AND measure_no = $measure_no

-- Where a measure stands in the filtered list, in its order (roadmap year, number): the table page it is on.
-- $measure_year names the roadmap; without it, the earliest roadmap that has a measure of that number.
SELECT
    chosen.roadmap_year,
    chosen.measure_no,
    (SELECT count(*) FROM filtered AS earlier
     WHERE earlier.roadmap_year < chosen.roadmap_year
        OR (earlier.roadmap_year = chosen.roadmap_year AND earlier.measure_no < chosen.measure_no)) AS position
FROM filtered AS chosen
WHERE chosen.measure_no = $measure_no AND ($measure_year::INTEGER IS NULL OR chosen.roadmap_year = $measure_year::INTEGER)
ORDER BY chosen.roadmap_year
LIMIT 1

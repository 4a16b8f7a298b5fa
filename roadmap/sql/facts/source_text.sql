SELECT source_text FROM measures WHERE measure_no = $measure_no

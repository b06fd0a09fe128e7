spark-submit --master 'local[2]' --files "$DEPECHE" \
  scripts/spark_extract.py --input "$DUMPS" --output "$RECORDS" --partitions 8

#!/usr/bin/env bash
# Data generator: N orders as import CSV on stdout. Orders have 1-3 lines and belong to N/3 customers,
# spread over 2023-2025. Usage: generate-orders.sh N > orders.csv
set -euo pipefail
N=${1:-100000}
awk -v n="$N" 'BEGIN {
  srand(42);
  print "externalId,customerExternalId,placedAt,currency,total,sku,name,category,quantity,unitPrice";
  split("CHAI,SAMOSA,CAKE,COFFEE,BISCUIT", skus, ",");
  split("drinks,snacks,bakery,drinks,bakery", cats, ",");
  customers = int(n / 3) + 1;
  for (i = 1; i <= n; i++) {
    c = int(rand() * customers);
    day = int(rand() * 1095);
    ts = sprintf("%04d-%02d-%02dT%02d:%02d:00Z", 2023 + int(day / 365), 1 + int((day % 365) / 31), 1 + (day % 28), int(rand() * 24), int(rand() * 60));
    lines = 1 + int(rand() * 3);
    total = 0;
    for (l = 1; l <= lines; l++) {
      k[l] = 1 + int(rand() * 5); q[l] = 1 + int(rand() * 4); p[l] = sprintf("%.2f", 10 + rand() * 90);
      total += q[l] * p[l];
    }
    for (l = 1; l <= lines; l++) {
      printf "bench-%d,bench-c%d,%s,INR,%.2f,%s,%s,%s,%d,%s\n", i, c, ts, total, skus[k[l]], skus[k[l]], cats[k[l]], q[l], p[l];
    }
  }
}'

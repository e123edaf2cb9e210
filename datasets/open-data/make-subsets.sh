#!/bin/sh
# Rebuilds this folder from the full copies described in ../../../shared/data/README.md.
# Filters (documented in ../README.md): ATOP, COW IGO and UNGA keep the years 2000 and later;
# files larger than about 300 kB are stored gzipped (the builder reads NAME or NAME.gz).
set -eu
SRC=${1:-../../../shared/data}
cp "$SRC/crosswalk/countrycode_crosswalk.csv" .
cp "$SRC/arms/sipri_country_list_cow_iso.csv" .
gzip -9nc "$SRC/arms/sipri_tiv_dyad_year_by_order_date_1950_2018.csv" > sipri_tiv_dyad_year_by_order_date_1950_2018.csv.gz
cp "$SRC/cow_peacescience/cow_direct_contiguity_v3.2_directed.csv" .
awk -F, 'NR == 1 || $3 >= 2000' "$SRC/cow_peacescience/atop_v5.1_alliance_directed_dyad_year.csv" \
  | gzip -9n > atop_v5.1_alliance_directed_dyad_year.csv.gz
awk -F, 'NR == 1 || $3 >= 2000' "$SRC/cow_peacescience/cow_igo_v3_joint_membership_dyads_crisis_years.csv" \
  | gzip -9n > cow_igo_v3_joint_membership_dyads_crisis_years.csv.gz
cp "$SRC/un/unsc_vetoes_1946_sept2022.csv" .
# Roll calls: the date is the 4th column and the descriptions contain quoted commas, so filter with
# a CSV-aware tool; rcids from 2000 on are those whose date starts with 2.
python3 - "$SRC" <<'PY'
import csv, gzip, sys
src = sys.argv[1]
keep = set()
with open(f"{src}/un/unga_roll_calls_unvotes.csv", newline="") as f, \
     gzip.open("unga_roll_calls_unvotes.csv.gz", "wt", newline="") as out:
    r = csv.reader(f); w = csv.writer(out, lineterminator="\n")
    header = next(r); w.writerow(header)
    for row in r:
        if row[3] >= "2000":
            keep.add(row[0]); w.writerow(row)
with open(f"{src}/un/unga_votes_voeten_unvotes.csv", newline="") as f, \
     gzip.open("unga_votes_voeten_unvotes.csv.gz", "wt", newline="") as out:
    out.write(f.readline())
    for line in f:
        if line.split(",", 1)[0] in keep:
            out.write(line)
PY
cp "$SRC/un/unga_country_codes_unvotes.csv" .
cp "$SRC/events/cameo_event_codes_full_pygdelt.csv" .
cp "$SRC/events/icews05-15_tkg_sample_crisis_countries_subset.tsv" .
for f in Phoenix.Countries.actors.txt Phoenix.International.actors.txt Phoenix.agents.txt; do
  gzip -9nc "$SRC/events/phoenix_petrarch2_dictionaries/$f" > "$f.gz"
done
cp "$SRC/atrocity_crisis/ewp_mass_killing_episodes_1945_2024.csv" .
gzip -9nc "$SRC/atrocity_crisis/ucdp_prio_armed_conflict_years.csv" > ucdp_prio_armed_conflict_years.csv.gz

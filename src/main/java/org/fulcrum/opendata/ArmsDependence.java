package org.fulcrum.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TieType;

/**
 * Arms dependence from SIPRI trend-indicator values (TIV) by year of order: for each supplier of
 * the target, a {@code supplies-arms} tie whose strength is the supplier's share of the target's
 * arms imports ordered in the window. Rule "arms" in docs/open-data.md. One pass over the file.
 */
public final class ArmsDependence implements BuildStep {

  public static final double CONFIDENCE = 0.9;
  static final String URL = "https://www.sipri.org/databases/armstransfers";

  private final DataFiles files;
  private final CountryCodes codes;

  public ArmsDependence(DataFiles files, CountryCodes codes) {
    this.files = files;
    this.codes = codes;
  }

  @Override
  public OpenDataSource source() {
    return OpenDataSource.ARMS;
  }

  /** One supplier's orders in the window, year by year. */
  public record SupplierShare(String supplier, Country country, Map<Integer, Double> tivByYear,
      double tiv, double share) {}

  /** The target's suppliers in the window, largest first, and the total TIV they share. */
  public record Dependence(double totalTiv, List<SupplierShare> suppliers, int rowsRead,
      int rowsUsed) {}

  /** One SIPRI row with a positive TIV: year of order, supplier and recipient as spelled. */
  public record Order(int year, String supplier, String recipient, double tiv) {}

  /** Every row of the file with a year and a positive TIV, and how many rows it has. */
  public record Orders(List<Order> orders, int rowsRead) {}

  /** The file's orders, read once per {@link DataFiles} object (13,591 rows in the bundled file). */
  public Orders orders() {
    return files.memo("sipri-orders", () -> {
      List<Order> out = new ArrayList<>();
      int read = 0;
      try (CSVParser csv = files.csv(DataFiles.SIPRI_TIV)) {
        for (CSVRecord r : csv) {
          read++;
          Integer year = CountryCodes.integer(r.get("year_of_order"));
          double tiv;
          try {
            tiv = Double.parseDouble(r.get("tiv"));
          } catch (NumberFormatException e) {
            continue;
          }
          if (year != null && tiv > 0) {
            out.add(new Order(year, r.get("supplier").strip(), r.get("recipient"), tiv));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Orders(List.copyOf(out), read);
    });
  }

  public Dependence measure(Country target, int from, int to) {
    Map<String, Map<Integer, Double>> bySupplier = new LinkedHashMap<>();
    Orders orders = orders();
    int used = 0;
    for (Order o : orders.orders()) {
      if (o.year() < from || o.year() > to) {
        continue;
      }
      Optional<Country> recipient = codes.name(o.recipient());
      if (recipient.isEmpty() || !recipient.get().iso3().equals(target.iso3())) {
        continue;
      }
      used++;
      bySupplier.computeIfAbsent(o.supplier(), s -> new TreeMap<>())
          .merge(o.year(), o.tiv(), Double::sum);
    }
    int read = orders.rowsRead();
    double total = bySupplier.values().stream()
        .flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).sum();
    List<SupplierShare> out = new ArrayList<>();
    for (var e : bySupplier.entrySet()) {
      double tiv = e.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
      out.add(new SupplierShare(e.getKey(), codes.name(e.getKey()).orElse(null), e.getValue(),
          tiv, tiv / total));
    }
    out.sort((a, b) -> Double.compare(b.tiv(), a.tiv()));
    return new Dependence(total, out, read, used);
  }

  @Override
  public Outcome apply(CaseDraft draft) {
    BuildRequest req = draft.request();
    Country target = draft.target();
    Dependence d = measure(target, req.from(), req.to());
    int actorsBefore = draft.actors().size();
    int ties = 0;
    for (SupplierShare s : d.suppliers()) {
      String supplierId = supplierActor(draft, s);
      if (supplierId == null || supplierId.equals(target.actorId())) {
        continue;
      }
      StringBuilder years = new StringBuilder();
      s.tivByYear().forEach((y, v) -> years.append(years.length() == 0 ? "" : ", ")
          .append(y).append(": ").append(fmt(v)));
      String sourceId = draft.source(Ids.PREFIX + "src-arms-" + Ids.slug(s.supplier()) + "-"
              + target.iso3().toLowerCase(Locale.ROOT),
          String.format(Locale.ROOT, "SIPRI Arms Transfers Database, TIV by year of order (%s):"
                  + " rows supplier '%s', recipient %s, orders %d-%d: %s; %s TIV of the target's"
                  + " %s TIV in the window = %.1f%%. Rule 'arms' (docs/open-data.md): strength ="
                  + " supplier TIV / all TIV ordered by the target in the window",
              DataFiles.SIPRI_TIV, s.supplier(), target.name(), req.from(), req.to(), years,
              fmt(s.tiv()), fmt(d.totalTiv()), 100 * s.share()),
          URL);
      draft.tie(Ids.PREFIX + "arms-" + supplierId.substring(Ids.PREFIX.length()) + "-"
              + target.iso3().toLowerCase(Locale.ROOT),
          supplierId, target.actorId(), TieType.SUPPLIES_ARMS, CaseDraft.unit(s.share()),
          Polarity.SUPPORTIVE, Channel.MILITARY, CONFIDENCE, List.of(sourceId));
      ties++;
    }
    return new Outcome(source(), d.rowsRead(), d.rowsUsed(), draft.actors().size() - actorsBefore,
        ties, String.format(Locale.ROOT, "%d suppliers, %s TIV in all", d.suppliers().size(),
            fmt(d.totalTiv())));
  }

  /**
   * A supplier's actor: the state if the crosswalk knows it; SIPRI marks non-state suppliers with
   * '*' (armed groups) and organisations with '**' (forums); "unknown" suppliers get no tie but
   * their TIV stays in the total.
   */
  private static String supplierActor(CaseDraft draft, SupplierShare s) {
    if (s.country() != null) {
      return draft.state(s.country());
    }
    String name = s.supplier();
    if (name.toLowerCase(Locale.ROOT).startsWith("unknown")) {
      return null;
    }
    ActorKind kind = name.endsWith("**") ? ActorKind.FORUM : ActorKind.ARMED_GROUP;
    String clean = name.replaceAll("\\*+$", "").strip();
    String sourceId = draft.source(Ids.PREFIX + "src-sipri-actor-" + Ids.slug(clean),
        "SIPRI Arms Transfers Database (" + DataFiles.SIPRI_TIV + "): supplier name '" + name
            + "', not a state in the crosswalk; rule 'actors': SIPRI's '*' marks a non-state"
            + " actor, '**' an organisation", URL);
    return draft.actor(new Actor(Ids.PREFIX + "x-" + Ids.slug(clean), clean, kind, null, 0.0,
        CaseDraft.CAPABILITY_DEFAULT, CaseDraft.SALIENCE_DEFAULT, null, null, List.of(sourceId)));
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
  }
}

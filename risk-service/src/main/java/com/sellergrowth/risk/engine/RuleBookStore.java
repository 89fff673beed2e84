package com.sellergrowth.risk.engine;

import com.sellergrowth.risk.domain.Mode;
import com.sellergrowth.risk.domain.Rule;
import com.sellergrowth.risk.domain.RuleBook;
import com.sellergrowth.risk.domain.RuleSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The rules' settings (RSK-8): defaults from configuration ({@code risk.rules.<rule>.mode} and
 * {@code risk.rules.<rule>.<threshold>}, checked at start-up), overridden by operators' rows in {@code rule_setting}, read
 * at the start of every batch in the batch's own transaction: every instance applies a change from its next batch on,
 * with no redeploy and no cache to invalidate.
 */
@ApplicationScoped
public class RuleBookStore {
  private final Map<Rule, RuleBook.Entry> defaults = new EnumMap<>(Rule.class);
  private final Duration grace;

  public RuleBookStore(Config config) {
    for (Rule rule : Rule.values()) {
      Map<String, String> values = new HashMap<>();
      rule.params().forEach(p -> values.put(p.name(), config.getValue("risk.rules." + rule.key() + "." + p.name(), String.class)));
      Mode mode = Mode.valueOf(config.getValue("risk.rules." + rule.key() + ".mode", String.class));
      defaults.put(rule, new RuleBook.Entry(mode, new RuleSettings(rule, values), null));
    }
    this.grace = config.getValue("risk.grace", Duration.class);
  }

  public RuleBook.Entry defaults(Rule rule) {
    return defaults.get(rule);
  }

  public Uni<RuleBook> load(SqlClient sql) {
    return sql.query("SELECT rule, mode, thresholds, shadow FROM rule_setting").execute().map(rows -> {
      Map<Rule, RuleBook.Entry> entries = new EnumMap<>(defaults);
      for (Row r : rows) {
        Rule.byId(r.getString("rule")).ifPresent(rule -> entries.put(rule, entry(rule, r)));
      }
      return new RuleBook(entries, grace);
    });
  }

  public static RuleBook.Entry entry(Rule rule, Row r) {
    JsonObject shadow = (JsonObject) r.getValue("shadow");
    return new RuleBook.Entry(Mode.valueOf(r.getString("mode")), new RuleSettings(rule, strings((JsonObject) r.getValue("thresholds"))),
        shadow == null ? null : new RuleSettings(rule, strings(shadow)));
  }

  static Map<String, String> strings(JsonObject json) {
    Map<String, String> out = new HashMap<>();
    json.forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
    return out;
  }
}

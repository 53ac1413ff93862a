package io.engage.engine.rulesadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.rules.tables.GridCompiler;
import io.engage.rules.tables.RuleGrid;
import io.engage.rules.tables.ShippedGrids;
import io.engage.rules.tables.TableLimits;
import org.junit.jupiter.api.Test;

/**
 * The grid JSON the admin UI sends and the engine stores (and hands back for download): a column on
 * another fact keeps its binding through JSON, and a column without one reads as before.
 */
class GridJsonTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theShippedTiersGridSurvivesJsonAndStillCompiles() throws Exception {
    RuleGrid shipped = ShippedGrids.of("tiers").orElseThrow();
    RuleGrid read = json.readValue(json.writeValueAsString(shipped), RuleGrid.class);
    assertThat(read).isEqualTo(shipped);
    assertThat(read.columns()).extracting(RuleGrid.Column::factBinding).contains("$g : TierContext", "$o : TierContext");
    assertThat(GridCompiler.toDrl("tiers", read, TableLimits.DEFAULT)).contains("$g : TierContext(");
  }

  @Test
  void aColumnWithoutAFactBindingReadsAsOnTheGridsFact() throws Exception {
    RuleGrid.Column column = json.readValue("""
        {"kind":"CONDITION","title":"Tier","template":"tier == \\"$param\\""}""", RuleGrid.Column.class);
    assertThat(column).isEqualTo(new RuleGrid.Column(RuleGrid.Kind.CONDITION, "Tier", "tier == \"$param\""));
  }
}

package io.engage.engine.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
      =1+1                           => '=1+1
      +cmd|' /C calc'!A0             => '+cmd|' /C calc'!A0
      -2+3                           => '-2+3
      @SUM(A1:A9)                    => '@SUM(A1:A9)
      =HYPERLINK("http://x","y")     => '=HYPERLINK("http://x","y")
      -5                             => -5
      +1.5                           => +1.5
      -1e3                           => -1e3
      GOLD                           => GOLD
      李娜                           => 李娜
      a=b                            => a=b
      """)
  void formulaCellsBecomeText(String cell, String expected) {
    assertThat(CsvCells.neutralise(cell)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `\t=1+1`   | '\t=1+1
      `\r=1+1`   | '\r=1+1
      """)
  void tabsAndCarriageReturnsInFrontOfAFormulaAreNeutralisedToo(String cell, String expected) {
    assertThat(CsvCells.neutralise(cell)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void fieldsAreQuotedWhenTheyHoldSeparators() {
    assertThat(CsvCells.line(List.of("=A1,B1", "plain", "say \"hi\"", "")))
        .isEqualTo("\"'=A1,B1\",plain,\"say \"\"hi\"\"\",");
    assertThat(CsvCells.quotedField("@x")).isEqualTo("\"'@x\"");
  }
}

package io.engage.rules.tables;

/**
 * What an uploaded decision table may weigh, checked before any parser sees it: the file itself,
 * and for XLSX (a ZIP) the inflated size, the number of entries and how much one entry may inflate
 * relative to its compressed bytes, so a zip bomb is refused unopened.
 *
 * @param maxCompressionRatio inflated bytes per compressed byte of one entry, checked once the
 *     entry has inflated past a megabyte (real sheets stay far below; bombs are thousands)
 * @param maxRuleRows rule rows of one table or grid: every pair of rows is compared for overlaps,
 *     so the rows bound the work of one upload
 */
public record TableLimits(long maxFileBytes, long maxInflatedBytes, int maxZipEntries, int maxCompressionRatio,
    int maxRuleRows) {

  public static final TableLimits DEFAULT = new TableLimits(5L << 20, 50L << 20, 200, 200, 2_000);
}

package io.engage.rules.tables;

/**
 * What an uploaded decision table may weigh, checked before any parser sees it: the file itself,
 * and for XLSX (a ZIP) the inflated size and number of entries, so a zip bomb is refused unopened.
 */
public record TableLimits(long maxFileBytes, long maxInflatedBytes, int maxZipEntries) {

  public static final TableLimits DEFAULT = new TableLimits(5L << 20, 50L << 20, 200);
}

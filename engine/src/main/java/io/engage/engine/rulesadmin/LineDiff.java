package io.engage.engine.rulesadmin;

import java.util.ArrayList;
import java.util.List;

/** A line diff of two rule texts ("- removed", "+ added"), for the audit log and the UI. */
final class LineDiff {

  private LineDiff() {}

  static List<String> between(String before, String after) {
    String[] a = before == null ? new String[0] : before.split("\n", -1);
    String[] b = after.split("\n", -1);
    int[][] common = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> diff = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i].equals(b[j])) {
        i++;
        j++;
      } else if (common[i + 1][j] >= common[i][j + 1]) {
        diff.add("- " + a[i++]);
      } else {
        diff.add("+ " + b[j++]);
      }
    }
    while (i < a.length) {
      diff.add("- " + a[i++]);
    }
    while (j < b.length) {
      diff.add("+ " + b[j++]);
    }
    return diff;
  }
}

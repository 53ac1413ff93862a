/** Writing CSV that is safe to open in a spreadsheet. */
package io.engage.engine.platform.csv;

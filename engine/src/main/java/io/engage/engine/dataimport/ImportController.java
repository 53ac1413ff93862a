package io.engage.engine.dataimport;

import io.engage.engine.platform.csv.CsvCells;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/imports")
@Tag(name = "Imports", description = "CSV imports of customers and order history")
class ImportController {

  private final Imports imports;

  ImportController(Imports imports) {
    this.imports = imports;
  }

  @Operation(summary = "Upload a CSV (multipart 'file', up to 10 MB) with a 'mapping' (JSON) or a 'preset'; 202 with the job")
  @PostMapping(consumes = "multipart/form-data")
  ResponseEntity<ImportJob> submit(@RequestPart("file") MultipartFile file,
      @RequestParam(name = "preset", required = false) String preset,
      @RequestParam(name = "mapping", required = false) String mapping, Principal user) throws IOException {
    ImportMapping resolved = imports.mapping(preset, mapping);
    try (InputStream content = file.getInputStream()) {
      ImportJob job = imports.submit(file.getOriginalFilename(), content, resolved, user.getName());
      return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
    }
  }

  @Operation(summary = "Upload a CSV as the raw body (text/csv, up to engage.limits.body.imports: streamed to disk), with ?preset= or ?mapping=")
  @PostMapping(consumes = {"text/csv", "application/octet-stream"})
  ResponseEntity<ImportJob> submitRaw(jakarta.servlet.http.HttpServletRequest request,
      @RequestParam(name = "preset", required = false) String preset,
      @RequestParam(name = "mapping", required = false) String mapping,
      @RequestParam(name = "fileName", required = false) String fileName, Principal user) throws IOException {
    ImportMapping resolved = imports.mapping(preset, mapping);
    try (InputStream content = request.getInputStream()) {
      ImportJob job = imports.submit(fileName, content, resolved, user.getName());
      return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
    }
  }

  @GetMapping
  List<ImportJob> recent() {
    return imports.recent(50);
  }

  @Operation(summary = "Status and counts: rows read, imported, duplicates, skipped by reason, bytes read of total")
  @GetMapping("/{id}")
  ImportJob job(@PathVariable long id) {
    return imports.job(id);
  }

  @Operation(summary = "The per-row report as CSV: line, reason, detail, key")
  @GetMapping(value = "/{id}/report", produces = "text/csv")
  void report(@PathVariable long id, HttpServletResponse response) throws IOException {
    imports.job(id);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-report.csv\"");
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    out.println("line,reason,detail,key");
    // Details and keys quote the imported file: neutralised, so a formula in it stays text.
    imports.report(id, issue -> out.println(issue.line() + "," + CsvCells.field(issue.reason()) + ","
        + quoted(issue.detail()) + "," + quoted(issue.key())));
    out.flush();
  }

  private static String quoted(String value) {
    return value == null ? "" : CsvCells.quotedField(value);
  }
}

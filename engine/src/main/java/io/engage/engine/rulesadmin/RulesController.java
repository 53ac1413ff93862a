package io.engage.engine.rulesadmin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.rules.tables.RuleGrid;
import io.engage.rules.tables.UploadedTable;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule set versions: list, author (DRL), download, activate, roll back, audit. Business staff own
 * the reward sets; service managers own escalation.
 */
@RestController
@RequestMapping("/api/rules")
@Tag(name = "Rules", description = "Versioned rule sets: draft, validate, activate, roll back")
class RulesController {

  private static final int MAX_DRL_CHARS = 1_000_000;
  private final RuleSetService rules;
  private final RuleAuthoring authoring;
  private final RuleActivationApproval approval;

  RulesController(RuleSetService rules, RuleAuthoring authoring, RuleActivationApproval approval) {
    this.rules = rules;
    this.authoring = authoring;
    this.approval = approval;
  }

  record GridDraft(@NotNull @Valid RuleGrid grid, @Size(max = 1000) String comment) {}

  record RuleSetSummary(String ruleSet, Integer activeVersion, int versions) {}

  record DrlDraft(@NotBlank @Size(max = MAX_DRL_CHARS) String drl, @Size(max = 1000) String comment) {}

  @Operation(summary = "The rule sets and their active versions")
  @GetMapping
  List<RuleSetSummary> list() {
    return rules.ruleSets().stream().map(name -> {
      List<RuleSetVersion> versions = rules.versions(name);
      Integer active = versions.stream().filter(v -> RuleSetVersion.ACTIVE.equals(v.status()))
          .map(RuleSetVersion::version).findFirst().orElse(null);
      return new RuleSetSummary(name, active, versions.size());
    }).toList();
  }

  @Operation(summary = "Every version of a rule set, newest first")
  @GetMapping("/{ruleSet}/versions")
  List<RuleSetVersion> versions(@PathVariable String ruleSet) {
    return rules.versions(ruleSet);
  }

  @Operation(summary = "One version")
  @GetMapping("/{ruleSet}/versions/{version}")
  RuleSetVersion version(@PathVariable String ruleSet, @PathVariable int version) {
    return rules.version(ruleSet, version);
  }

  @Operation(summary = "Download a version as DRL")
  @GetMapping(value = "/{ruleSet}/versions/{version}/drl", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> drl(@PathVariable String ruleSet, @PathVariable int version) {
    RuleSetVersion found = rules.version(ruleSet, version);
    return ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"" + ruleSet + ".v" + version + ".drl\"")
        .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
        .body(found.drl());
  }

  @Operation(summary = "Store a draft written in DRL; refused with the DRL line and column when it does not compile")
  @PostMapping(value = "/{ruleSet}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RuleSetVersion> draft(@PathVariable String ruleSet, @Valid @RequestBody DrlDraft body,
      Authentication user) {
    requireEditor(ruleSet, user);
    RuleSetVersion created = rules.createDraft(ruleSet,
        new RuleSetService.Draft("DRL", body.drl(), null, null, body.comment()), user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @Operation(summary = "Store a draft from a decision table (*.xlsx or *.csv); errors name the sheet row")
  @PostMapping(value = "/{ruleSet}/versions/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<RuleSetVersion> upload(@PathVariable String ruleSet, @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) String comment, Authentication user) throws IOException {
    requireEditor(ruleSet, user);
    RuleSetVersion created = authoring.fromTable(ruleSet,
        new UploadedTable(file.getOriginalFilename(), file.getBytes()), comment, user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @Operation(summary = "Store a draft from the rule grid (rows x condition/action columns); errors name the grid row")
  @PostMapping(value = "/{ruleSet}/versions/grid", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RuleSetVersion> grid(@PathVariable String ruleSet, @Valid @RequestBody GridDraft body,
      Authentication user) {
    requireEditor(ruleSet, user);
    RuleSetVersion created = authoring.fromGrid(ruleSet, body.grid(), body.comment(), user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @Operation(summary = "Download a table or grid version as xlsx, csv or (grid) json; default: the authored form")
  @GetMapping("/{ruleSet}/versions/{version}/file")
  ResponseEntity<byte[]> file(@PathVariable String ruleSet, @PathVariable int version,
      @RequestParam(required = false) String as) {
    RuleAuthoring.Download download = authoring.download(rules.version(ruleSet, version), as);
    if (download == null) {
      throw ApiProblemException.notFound("Version " + version + " as '" + as
          + "' (versions written in DRL download from /drl; tables as xlsx or csv; grids also as json)");
    }
    return ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
        .contentType(MediaType.parseMediaType(download.contentType()))
        .body(download.content());
  }

  @Operation(summary = "Activate a version on every node; the active one is retired. A reward rule version never "
      + "in force before answers 202 with a pending approval, performed when a second user approves it")
  @PostMapping("/{ruleSet}/versions/{version}/activate")
  ResponseEntity<?> activate(@PathVariable String ruleSet, @PathVariable int version, Authentication user) {
    requireEditor(ruleSet, user);
    if (approval.needed(ruleSet, version)) {
      return ResponseEntity.accepted().body(approval.request(ruleSet, version, user));
    }
    return ResponseEntity.ok(rules.activate(ruleSet, version, user.getName()));
  }

  @Operation(summary = "Re-activate the version that was active before the current one")
  @PostMapping("/{ruleSet}/rollback")
  RuleSetVersion rollback(@PathVariable String ruleSet, Authentication user) {
    requireEditor(ruleSet, user);
    return rules.rollback(ruleSet, user.getName());
  }

  @Operation(summary = "Who changed what and when")
  @GetMapping("/audit")
  List<RuleAuditEntry> audit(@RequestParam(required = false) String ruleSet,
      @RequestParam(defaultValue = "100") int limit) {
    return rules.audit(ruleSet, Math.clamp(limit, 1, 1000));
  }

  private static void requireEditor(String ruleSet, Authentication user) {
    RuleSetOwners.requireEditor(ruleSet, user);
  }
}

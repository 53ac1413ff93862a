package io.engage.engine.journey;

import io.engage.engine.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/journeys")
@Tag(name = "Journeys", description = "Journey deployment, versions, pause, migration, experiments, preview")
class JourneyController {

  private final JourneyCatalog catalog;
  private final JourneyPlatform platform;
  private final Experiments experiments;
  private final JourneyPreviews previews;
  private final JourneyPublishApproval approval;

  JourneyController(JourneyCatalog catalog, JourneyPlatform platform, Experiments experiments, JourneyPreviews previews,
      JourneyPublishApproval approval) {
    this.catalog = catalog;
    this.platform = platform;
    this.experiments = experiments;
    this.previews = previews;
    this.approval = approval;
  }

  @Operation(summary = "Deploy a journey: a BPMN file as multipart 'file' (validated first; refusals name the element)")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> deployFile(@RequestParam("file") MultipartFile file, Authentication user) throws IOException {
    return deploy(file.getBytes(), user);
  }

  @Operation(summary = "Deploy a journey: the BPMN XML as the request body")
  @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/bpmn+xml",
      MediaType.APPLICATION_OCTET_STREAM_VALUE})
  ResponseEntity<?> deployXml(@RequestBody byte[] xml, Authentication user) {
    return deploy(xml, user);
  }

  /** Deploys now, or (a large audience) answers 202 with the approval it waits for. */
  private ResponseEntity<?> deploy(byte[] xml, Authentication user) {
    var pending = approval.requestIfNeeded(xml, user);
    if (pending.isPresent()) {
      return ResponseEntity.accepted().body(pending.get());
    }
    JourneyCatalog.Deployed deployed = catalog.deploy(xml, user.getName(), JourneyCatalog.API);
    return ResponseEntity.status(deployed.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(describe(deployed));
  }

  static Map<String, Object> describe(JourneyCatalog.Deployed deployed) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("journey", deployed.version().journey());
    body.put("version", deployed.version().version());
    body.put("processDefinitionKey", deployed.version().processDefinitionKey());
    body.put("duplicate", deployed.duplicate());
    body.put("deployedBy", deployed.version().deployedBy());
    body.put("deployedAt", deployed.version().deployedAt());
    return body;
  }

  @Operation(summary = "Every journey with its versions and, per version, live instances per element")
  @GetMapping
  List<JourneyOverview> list() {
    return platform.list();
  }

  @Operation(summary = "One journey with its versions and live instances per element")
  @GetMapping("/{journey}")
  JourneyOverview get(@PathVariable String journey) {
    return platform.get(journey);
  }

  @Operation(summary = "The BPMN XML of a version, as deployed")
  @GetMapping(value = "/{journey}/versions/{version}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  String bpmn(@PathVariable String journey, @PathVariable int version) {
    String xml = catalog.xml(journey, version);
    if (xml == null) {
      throw ApiProblemException.notFound("Version " + version + " of journey " + journey);
    }
    return xml;
  }

  @Operation(summary = "Pause: no new customer enters; those inside carry on")
  @PostMapping("/{journey}/pause")
  JourneyOverview pause(@PathVariable String journey, Principal user) {
    return platform.setPaused(journey, true, user.getName());
  }

  @Operation(summary = "Resume a paused journey")
  @PostMapping("/{journey}/resume")
  JourneyOverview resume(@PathVariable String journey, Principal user) {
    return platform.setPaused(journey, false, user.getName());
  }

  @Operation(summary = "Migrate the instances waiting in one version to another (Zeebe process instance migration)")
  @PostMapping("/{journey}/migrations")
  JourneyPlatform.MigrationReport migrate(@PathVariable String journey,
      @RequestBody JourneyPlatform.MigrationRequest request) {
    return platform.migrate(journey, request);
  }

  @Operation(summary = "Experiments of a journey: customers and conversions per variant, conversions per goal")
  @GetMapping("/{journey}/experiments")
  @Transactional(readOnly = true)
  Experiments.JourneyExperiments experiments(@PathVariable String journey) {
    platform.get(journey);
    return experiments.report(journey);
  }

  @Operation(summary = "Run the journey for a customer on an isolated engine with a virtual clock; nothing is sent")
  @PostMapping("/{journey}/preview")
  JourneyPreviews.Timeline preview(@PathVariable String journey, @RequestBody JourneyPreviews.Request request) {
    platform.get(journey);
    return previews.run(journey, request);
  }

}

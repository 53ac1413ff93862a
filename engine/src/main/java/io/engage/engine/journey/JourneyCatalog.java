package io.engage.engine.journey;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.engage.engine.platform.crypto.Hashes;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;

/**
 * Every journey version: validated, deployed to Zeebe, and stored (XML, who, when) so it can be
 * deployed again when the engine has forgotten it. Also knows which journeys are paused and which
 * messages start which journeys.
 */
@Service
class JourneyCatalog {

  static final String SHIPPED = "shipped";
  static final String API = "api";
  static final String ACTIVE = "ACTIVE";
  static final String PAUSED = "PAUSED";

  private final CamundaClient zeebe;
  private final JourneyCatalogMapper mapper;
  private final JourneyProperties properties;
  private final Clock clock;
  private final Map<String, JourneyModel> models = new ConcurrentHashMap<>();

  JourneyCatalog(CamundaClient zeebe, JourneyCatalogMapper mapper, JourneyProperties properties, Clock clock) {
    this.zeebe = zeebe;
    this.mapper = mapper;
    this.properties = properties;
    this.clock = clock;
  }

  record Deployed(JourneyVersion version, boolean duplicate) {}

  /** Validates, deploys and stores a BPMN; a refusal is a 422 naming the element at fault. */
  Deployed deploy(byte[] xml, String user, String source) {
    JourneyModel model = validated(xml);
    String resourceName = model.processId() + ".bpmn";
    Process process = deployToZeebe(xml, resourceName);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    JourneyVersion version = new JourneyVersion(process.getBpmnProcessId(), process.getVersion(),
        process.getProcessDefinitionKey(), Hashes.sha256Hex(BpmnDocuments.text(xml)), resourceName, source, user, now);
    boolean stored = mapper.insertVersion(version, BpmnDocuments.text(xml)) == 1;
    if (!stored) {
      mapper.updateProcessDefinitionKey(version.journey(), version.version(), version.processDefinitionKey());
    }
    models.put(key(version.journey(), version.version()), model);
    return new Deployed(stored ? version : mapper.findVersion(version.journey(), version.version()), !stored);
  }

  /** The model of a BPMN that would deploy; a refusal is a 422 naming the element at fault. */
  JourneyModel validated(byte[] xml) {
    Document document = parse(xml);
    List<FieldError> errors = JourneyValidator.validate(document);
    if (!errors.isEmpty()) {
      throw refused("The journey was not deployed: " + describe(errors), errors);
    }
    return JourneyModel.of(document);
  }

  /** Whether this BPMN is the journey's latest version already (deploying it changes nothing). */
  boolean isLatest(String journey, byte[] xml) {
    String checksum = Hashes.sha256Hex(BpmnDocuments.text(xml));
    return latest(journey).map(version -> version.checksum().equals(checksum)).orElse(false);
  }

  /**
   * Deploys a stored version again (start-up): the process definition key Zeebe gives it now is
   * recorded; a version number different from the stored one is reported.
   */
  Process redeploy(JourneyVersion version) {
    byte[] xml = mapper.findXml(version.journey(), version.version()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Process process = deployToZeebe(xml, version.resourceName());
    mapper.updateProcessDefinitionKey(version.journey(), version.version(), process.getProcessDefinitionKey());
    return process;
  }

  List<JourneyVersion> versions(String journey) {
    return mapper.findVersions(journey);
  }

  List<JourneyVersion> allVersions() {
    return mapper.findAllVersions();
  }

  Optional<JourneyVersion> version(String journey, int version) {
    return Optional.ofNullable(mapper.findVersion(journey, version));
  }

  Optional<JourneyVersion> latest(String journey) {
    List<JourneyVersion> versions = versions(journey);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
  }

  String xml(String journey, int version) {
    return mapper.findXml(journey, version);
  }

  /** The parsed model of a stored version (cached: a version never changes). */
  JourneyModel model(String journey, int version) {
    return models.computeIfAbsent(key(journey, version), k -> {
      String xml = mapper.findXml(journey, version);
      if (xml == null) {
        throw new IllegalStateException("No stored version " + version + " of journey " + journey);
      }
      return JourneyModel.of(BpmnDocuments.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    });
  }

  boolean isPaused(String journey) {
    return mapper.findPaused().contains(journey);
  }

  Set<String> paused() {
    return Set.copyOf(mapper.findPaused());
  }

  void setStatus(String journey, String status, String user) {
    mapper.upsertStatus(journey, status, user, clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  /** The journeys whose latest version starts on this message and that are not paused. */
  List<String> activeJourneysStartingOn(String messageName) {
    Set<String> paused = paused();
    List<String> journeys = new ArrayList<>();
    String current = null;
    JourneyVersion latest = null;
    for (JourneyVersion version : allVersions()) {
      if (current != null && !current.equals(version.journey())) {
        addIfStarts(journeys, latest, messageName, paused);
      }
      current = version.journey();
      latest = version;
    }
    addIfStarts(journeys, latest, messageName, paused);
    return journeys;
  }

  private void addIfStarts(List<String> journeys, JourneyVersion latest, String messageName, Set<String> paused) {
    if (latest != null && !paused.contains(latest.journey())
        && model(latest.journey(), latest.version()).startMessages().contains(messageName)) {
      journeys.add(latest.journey());
    }
  }

  private Process deployToZeebe(byte[] xml, String resourceName) {
    DeploymentEvent deployment;
    try {
      deployment = zeebe.newDeployResourceCommand()
          .addResourceBytes(xml, resourceName)
          .send()
          .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (isRejection(cause)) {
        String reason = rejectionReason(cause);
        throw refused("Zeebe refused the journey: " + reason, List.of(new FieldError("", reason)));
      }
      throw new IllegalStateException("Zeebe did not take the deployment", cause);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Zeebe did not answer the deployment in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (deployment.getProcesses().size() != 1) {
      throw new IllegalStateException("Zeebe deployed " + deployment.getProcesses().size() + " processes for " + resourceName);
    }
    return deployment.getProcesses().getFirst();
  }

  /** Zeebe answers a model it cannot accept with INVALID_ARGUMENT (over gRPC, possibly wrapped). */
  private static boolean isRejection(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof io.grpc.StatusRuntimeException status
          && status.getStatus().getCode() == io.grpc.Status.Code.INVALID_ARGUMENT) {
        return true;
      }
      if (t instanceof ClientException && String.valueOf(t.getMessage()).contains("INVALID_ARGUMENT")) {
        return true;
      }
    }
    return false;
  }

  /** Zeebe's own words, without the gRPC and command framing. */
  private static String rejectionReason(Throwable error) {
    String message = String.valueOf(error.getMessage());
    int at = message.indexOf("Expected to deploy new resources, but encountered the following errors:");
    return (at >= 0 ? message.substring(at + "Expected to deploy new resources, but encountered the following errors:".length())
        : message).trim();
  }

  private static Document parse(byte[] xml) {
    try {
      return BpmnDocuments.parse(xml);
    } catch (BpmnRejection e) {
      throw refused("The journey was not deployed: " + e.getMessage(), List.of(new FieldError(e.elementId(), e.getMessage())));
    }
  }

  static ApiProblemException refused(String detail, List<FieldError> errors) {
    return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Journey refused", detail, errors);
  }

  private static String describe(List<FieldError> errors) {
    return errors.stream().map(e -> (e.field().isEmpty() ? "" : e.field() + ": ") + e.reason())
        .reduce((a, b) -> a + "; " + b).orElse("");
  }

  private static String key(String journey, int version) {
    return journey + "@" + version;
  }
}

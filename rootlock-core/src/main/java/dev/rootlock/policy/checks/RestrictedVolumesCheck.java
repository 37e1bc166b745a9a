package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.pluralize;
import static dev.rootlock.policy.Messages.sortedSet;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Volume;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Only volume types that are backed by the pod's own data or by cluster-managed storage are
 * allowed; host paths and network filesystems mounted directly by the node can expose the host or
 * bypass storage access control. Replaces baseline {@code hostPathVolumes} at every version.
 *
 * <p>Restricted fields: {@code spec.volumes[*]}. Allowed sources: {@code configMap}, {@code csi},
 * {@code downwardAPI}, {@code emptyDir}, {@code ephemeral}, {@code image}, {@code
 * persistentVolumeClaim}, {@code projected}, {@code secret}. A volume with no source at all is
 * allowed, because the API server defaults it to {@code emptyDir} before admission. {@code image}
 * has been allowed at every policy version since Kubernetes 1.33.
 */
public final class RestrictedVolumesCheck implements Check<Pod> {

  public static final String ID = "restrictedVolumes";

  private static final Set<String> ALLOWED_SOURCES =
      Set.of(
          "configMap",
          "csi",
          "downwardAPI",
          "emptyDir",
          "ephemeral",
          "image",
          "persistentVolumeClaim",
          "projected",
          "secret");

  /** The forbidden types in PSA's order of precedence: a volume is named by the first it has. */
  private static final List<String> FORBIDDEN_SOURCES =
      List.of(
          "hostPath",
          "gcePersistentDisk",
          "awsElasticBlockStore",
          "gitRepo",
          "nfs",
          "iscsi",
          "glusterfs",
          "rbd",
          "flexVolume",
          "cinder",
          "cephfs",
          "flocker",
          "fc",
          "azureFile",
          "vsphereVolume",
          "quobyte",
          "azureDisk",
          "photonPersistentDisk",
          "portworxVolume",
          "scaleIO",
          "storageos");

  private static final String UNKNOWN = "unknown";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.RESTRICTED,
        "Volumes must be configMap, csi, downwardAPI, emptyDir, ephemeral, image,"
            + " persistentVolumeClaim, projected or secret.",
        VersionedCheck.since(0, RestrictedVolumesCheck::v1_0, HostPathVolumesCheck.ID));
  }

  static CheckResult v1_0(Pod pod) {
    List<String> badVolumes = new ArrayList<>();
    List<String> badTypes = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Volume volume : pod.spec().volumes()) {
      if (allowed(volume)) {
        continue;
      }
      badVolumes.add(volume.name());
      badTypes.add(typeOf(volume));
      fields.add(FieldPath.of("spec", "volumes").index(volume.index()));
    }
    if (badVolumes.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    List<String> types = sortedSet(badTypes);
    return CheckResult.forbidden(
        "restricted volume types",
        pluralize("volume", "volumes", badVolumes.size())
            + " "
            + joinQuote(badVolumes)
            + " "
            + pluralize("uses", "use", badVolumes.size())
            + " "
            + pluralize("restricted volume type", "restricted volume types", types.size())
            + " "
            + joinQuote(types),
        List.of(),
        fields);
  }

  /** Any allowed source wins, as in PSA; a source-less volume is an emptyDir after defaulting. */
  private static boolean allowed(Volume volume) {
    return volume.sources().isEmpty()
        || volume.sources().stream().anyMatch(ALLOWED_SOURCES::contains);
  }

  private static String typeOf(Volume volume) {
    for (String type : FORBIDDEN_SOURCES) {
      if (volume.sources().contains(type)) {
        return type;
      }
    }
    return UNKNOWN;
  }
}

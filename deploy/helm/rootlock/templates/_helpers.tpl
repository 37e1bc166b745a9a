{{/* The webhook image: repository and tag, the tag defaulting to the chart's appVersion. */}}
{{- define "rootlock.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* Namespaces no webhook is ever sent: its own, kube-system, and the exempt ones (flow list). */}}
{{- define "rootlock.excludedNamespaces" -}}
{{ concat (list .Release.Namespace "kube-system") .Values.exemptions.namespaces | uniq | toJson }}
{{- end -}}

{{/*
The self-signed serving certificate, made once per render and shared by the Secret and the
webhook configurations (kept in .Values.rootlockTls). Each install or upgrade makes a new one;
the Secret and the CA bundles change in the same release, and the webhook reloads its certificate
files when the kubelet updates the mounted Secret. With cert-manager nothing is generated here.
*/}}
{{- define "rootlock.tls" -}}
{{- if not (hasKey .Values "rootlockTls") -}}
{{- $dns := printf "rootlock-webhook.%s.svc" .Release.Namespace -}}
{{- $ca := genCA "rootlock-webhook-ca" 3650 -}}
{{- $cert := genSignedCert $dns nil (list $dns (printf "%s.cluster.local" $dns)) 3650 $ca -}}
{{- $_ := set .Values "rootlockTls" (dict "ca" ($ca.Cert | b64enc) "cert" ($cert.Cert | b64enc) "key" ($cert.Key | b64enc)) -}}
{{- end -}}
{{- end -}}

{{/* The base64 PEM CA bundle for the webhook configurations (without cert-manager). */}}
{{- define "rootlock.caBundle" -}}
{{- include "rootlock.tls" . -}}
{{ .Values.rootlockTls.ca }}
{{- end -}}

{{/* webhook serve's --workload-kind flags, one list item per entry of .Values.workloadKinds. */}}
{{- define "rootlock.workloadKindArgs" -}}
{{- range .Values.workloadKinds }}
- {{ printf "--workload-kind=%s" . | quote }}
{{- end }}
{{- end -}}

{{/*
One webhook rule per group of .Values.workloadKinds (Kind.group=path), for every resource of the
group: a mapping names the kind, not its plural. The webhook judges the mapped kinds and allows
the group's other kinds unjudged.
*/}}
{{- define "rootlock.workloadKindRules" -}}
{{- $groups := list }}
{{- range .Values.workloadKinds }}
{{- $groups = append $groups (regexReplaceAll "^[A-Za-z][A-Za-z0-9]*\\.([^=]+)=.*$" . "${1}") }}
{{- end }}
{{- range ($groups | uniq | sortAlpha) }}
- apiGroups: [{{ . | quote }}]
  apiVersions: ["*"]
  operations: ["CREATE", "UPDATE"]
  resources: ["*"]
{{- end }}
{{- end -}}

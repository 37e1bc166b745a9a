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

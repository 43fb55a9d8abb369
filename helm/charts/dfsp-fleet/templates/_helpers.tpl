{{/* Labels shared by every object of one DFSP; $ is the root context, .dfsp the DFSP entry. */}}
{{- define "dfsp-fleet.labels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: dfsp-fleet
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
mlperf/dfsp: {{ .dfsp.id }}
{{- end -}}

{{- define "dfsp-fleet.selector" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
mlperf/dfsp: {{ .dfsp.id }}
{{- end -}}

{{/* Validates one DFSP entry: ids are perffsp<i>-style, lower case letters and digits. */}}
{{- define "dfsp-fleet.checkId" -}}
{{- if not (regexMatch "^[a-z][a-z0-9]{0,31}$" .id) -}}
{{- fail (printf "dfsps[].id %q: lower-case letters and digits, starting with a letter, at most 32" .id) -}}
{{- end -}}
{{- end -}}

{{- define "dfsp-fleet.scheduling" -}}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.podSecurityContext }}
securityContext:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

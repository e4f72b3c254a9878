/**
 * Tech tags from a curated vocabulary. Matching is token based and linear in the text: the text is
 * split once into words (keeping "C++", "C#", ".NET", "Node.js" whole), then each position is looked
 * up as a 3-, 2- and 1-word phrase in one alias map.
 *
 * Many technologies are also ordinary words (Go, Rust, Swift, Spring, React, Rails, Chef, Helm...).
 * Such bare words carry a guard saying what evidence they need; their unambiguous forms (Golang,
 * Spring Boot, React.js, Ruby on Rails) never need any.
 */

/**
 * What a bare, ambiguous word needs before it counts:
 * - `capitalized`: written with a capital ("Rust", not "rust-proof"; "Jest", not "in jest");
 * - `list`: capitalized and either next to another technology ("Python, R, SQL") or followed by a
 *   tech noun ("Spring developer");
 * - `tech-context`: like `list`, or right after "in", "with", "using", "like" ("written in Go"),
 *   and never followed by a number ("Spring 2025");
 * - `never`: only its longer forms count (bare "C" and "Less" are too common).
 */
export type TagGuard = 'capitalized' | 'list' | 'tech-context' | 'never';

export interface TagDefinition {
  /** Canonical id stored on postings and used in URLs (`/jobs?tag=node`). */
  tag: string;
  /** How the tag is shown. */
  label: string;
  /** Other spellings, matched case-insensitively (the tag and lowercased label always match too). */
  aliases?: readonly string[];
  /** Spellings that are also ordinary words, with the evidence each needs (see {@link TagGuard}). */
  guarded?: Readonly<Record<string, TagGuard>>;
}

const t = (
  tag: string,
  label: string,
  aliases: readonly string[] = [],
  guarded?: Readonly<Record<string, TagGuard>>,
): TagDefinition => (guarded ? { tag, label, aliases, guarded } : { tag, label, aliases });

/** The vocabulary. Add entries here; tests check ids are unique and labels non-empty. */
export const TAG_VOCABULARY: readonly TagDefinition[] = [
  // Languages
  t('javascript', 'JavaScript', ['js', 'ecmascript', 'es6', 'vanilla js']),
  t('typescript', 'TypeScript', ['ts'], { ts: 'list' }),
  t('python', 'Python', ['python3', 'python 3']),
  t('java', 'Java', ['java 17', 'java 21', 'jvm'], { java: 'capitalized' }),
  t('kotlin', 'Kotlin'),
  t('scala', 'Scala'),
  t('go', 'Go', ['golang', 'go-lang', 'go lang'], { go: 'tech-context' }),
  t('rust', 'Rust', ['rustlang'], { rust: 'capitalized' }),
  t('ruby', 'Ruby', [], { ruby: 'capitalized' }),
  t('php', 'PHP', ['php8', 'php 8']),
  t('csharp', 'C#', ['c#', 'c sharp', 'csharp']),
  t('cpp', 'C++', ['c++', 'cpp', 'c/c++', 'c++11', 'c++17', 'c++20', 'modern c++']),
  t('c', 'C', ['c/c++', 'ansi c', 'c language', 'c programming', 'c99', 'c11', 'embedded c'], { c: 'never' }),
  t('swift', 'Swift', [], { swift: 'tech-context' }),
  t('objective-c', 'Objective-C', ['objective c', 'objc', 'obj-c']),
  t('dart', 'Dart', [], { dart: 'capitalized' }),
  t('elixir', 'Elixir', [], { elixir: 'capitalized' }),
  t('erlang', 'Erlang'),
  t('haskell', 'Haskell'),
  t('clojure', 'Clojure', ['clojurescript']),
  t('fsharp', 'F#', ['f#', 'fsharp']),
  t('ocaml', 'OCaml'),
  t('elm', 'Elm', [], { elm: 'tech-context' }),
  t('r', 'R', ['r language', 'r programming', 'rstudio', 'tidyverse'], { r: 'list' }),
  t('julia', 'Julia', ['julialang'], { julia: 'list' }),
  t('perl', 'Perl'),
  t('lua', 'Lua'),
  t('groovy', 'Groovy', [], { groovy: 'list' }),
  t('solidity', 'Solidity'),
  t('zig', 'Zig', ['ziglang'], { zig: 'tech-context' }),
  t('cobol', 'COBOL'),
  t('fortran', 'Fortran'),
  t('matlab', 'MATLAB'),
  t('bash', 'Bash', ['shell scripting', 'bash scripting'], { bash: 'capitalized' }),
  t('powershell', 'PowerShell'),
  t('sql', 'SQL', ['t-sql', 'tsql', 'pl/sql', 'plsql']),
  t('graphql', 'GraphQL'),
  t('html', 'HTML', ['html5']),
  t('css', 'CSS', ['css3']),
  t('sass', 'Sass', ['scss'], { sass: 'capitalized' }),
  t('less', 'Less', ['less.js', 'lesscss'], { less: 'never' }),
  t('webassembly', 'WebAssembly', ['wasm']),
  t('vba', 'VBA'),
  t('abap', 'ABAP'),
  t('vhdl', 'VHDL'),
  t('verilog', 'Verilog', ['systemverilog']),
  // Frontend
  t('react', 'React', ['react.js', 'reactjs', 'react js'], { react: 'tech-context' }),
  t('react-native', 'React Native', ['react native', 'react-native']),
  t('nextjs', 'Next.js', ['next.js', 'nextjs', 'next js']),
  t('vue', 'Vue.js', ['vue', 'vue.js', 'vuejs', 'vue js', 'vue3', 'vue 3']),
  t('nuxt', 'Nuxt', ['nuxt.js', 'nuxtjs']),
  t('angular', 'Angular', ['angularjs', 'angular.js'], { angular: 'capitalized' }),
  t('svelte', 'Svelte', ['sveltekit']),
  t('solidjs', 'SolidJS', ['solid.js']),
  t('ember', 'Ember.js', ['ember.js', 'emberjs'], { ember: 'tech-context' }),
  t('backbone', 'Backbone.js', ['backbone.js', 'backbonejs']),
  t('jquery', 'jQuery'),
  t('redux', 'Redux', [], { redux: 'capitalized' }),
  t('tailwind', 'Tailwind CSS', ['tailwindcss', 'tailwind css'], { tailwind: 'capitalized' }),
  t('bootstrap', 'Bootstrap', [], { bootstrap: 'tech-context' }),
  t('webpack', 'Webpack'),
  t('vite', 'Vite', [], { vite: 'capitalized' }),
  t('babel', 'Babel', [], { babel: 'list' }),
  t('storybook', 'Storybook'),
  t('threejs', 'Three.js', ['three.js', 'threejs']),
  t('d3', 'D3.js', ['d3.js', 'd3js', 'd3']),
  t('htmx', 'htmx'),
  t('remix', 'Remix', [], { remix: 'tech-context' }),
  t('gatsby', 'Gatsby', ['gatsbyjs'], { gatsby: 'tech-context' }),
  t('astro', 'Astro', [], { astro: 'tech-context' }),
  t('material-ui', 'Material UI', ['material-ui', 'mui']),
  t('webgl', 'WebGL'),
  t('webrtc', 'WebRTC'),
  // Mobile and desktop
  t('flutter', 'Flutter', [], { flutter: 'capitalized' }),
  t('swiftui', 'SwiftUI'),
  t('jetpack-compose', 'Jetpack Compose', ['jetpack compose']),
  t('android', 'Android'),
  t('ios', 'iOS'),
  t('xamarin', 'Xamarin'),
  t('ionic', 'Ionic', [], { ionic: 'capitalized' }),
  t('expo', 'Expo', [], { expo: 'tech-context' }),
  t('electron', 'Electron', ['electron.js', 'electronjs'], { electron: 'tech-context' }),
  t('tauri', 'Tauri'),
  t('qt', 'Qt', [], { qt: 'capitalized' }),
  // Backend frameworks and runtimes
  t('node', 'Node.js', ['node.js', 'nodejs', 'node js'], { node: 'tech-context' }),
  t('deno', 'Deno'),
  t('express', 'Express.js', ['express.js', 'expressjs'], { express: 'tech-context' }),
  t('nestjs', 'NestJS', ['nest.js', 'nestjs']),
  t('django', 'Django'),
  t('flask', 'Flask', [], { flask: 'capitalized' }),
  t('fastapi', 'FastAPI'),
  t('rails', 'Ruby on Rails', ['ruby on rails', 'ror', 'rails 7'], { rails: 'tech-context' }),
  t('spring', 'Spring', ['spring boot', 'springboot', 'spring framework', 'spring mvc', 'spring cloud'], {
    spring: 'list',
  }),
  t('laravel', 'Laravel'),
  t('symfony', 'Symfony'),
  t('dotnet', '.NET', ['.net', 'dotnet', '.net core', 'asp.net', 'asp.net core', 'net core']),
  t('phoenix', 'Phoenix', ['phoenix framework', 'phoenix liveview', 'liveview'], { phoenix: 'list' }),
  t('hibernate', 'Hibernate', [], { hibernate: 'capitalized' }),
  t('grpc', 'gRPC'),
  t('openapi', 'OpenAPI', ['swagger']),
  t('websockets', 'WebSockets', ['websocket', 'websockets']),
  t('celery', 'Celery', [], { celery: 'capitalized' }),
  t('sidekiq', 'Sidekiq'),
  t('rabbitmq', 'RabbitMQ'),
  t('kafka', 'Apache Kafka', ['apache kafka', 'kafka'], { kafka: 'capitalized' }),
  t('mqtt', 'MQTT'),
  t('nats', 'NATS', [], { nats: 'list' }),
  // Data and machine learning
  t('pandas', 'pandas', [], { pandas: 'tech-context' }),
  t('numpy', 'NumPy'),
  t('scipy', 'SciPy'),
  t('scikit-learn', 'scikit-learn', ['sklearn', 'scikit learn', 'scikit-learn']),
  t('pytorch', 'PyTorch'),
  t('tensorflow', 'TensorFlow'),
  t('keras', 'Keras'),
  t('jax', 'JAX', [], { jax: 'list' }),
  t('hugging-face', 'Hugging Face', ['hugging face', 'huggingface']),
  t('langchain', 'LangChain'),
  t('llamaindex', 'LlamaIndex'),
  t('openai', 'OpenAI', ['openai api']),
  t('mlflow', 'MLflow'),
  t('kubeflow', 'Kubeflow'),
  t('jupyter', 'Jupyter', ['jupyter notebook', 'jupyterlab']),
  t('opencv', 'OpenCV'),
  t('cuda', 'CUDA'),
  t('spark', 'Apache Spark', ['apache spark', 'pyspark', 'spark sql', 'spark streaming'], {
    spark: 'tech-context',
  }),
  t('hadoop', 'Hadoop'),
  t('flink', 'Apache Flink', ['apache flink', 'flink']),
  t('beam', 'Apache Beam', ['apache beam']),
  t('airflow', 'Apache Airflow', ['apache airflow', 'airflow'], { airflow: 'capitalized' }),
  t('dagster', 'Dagster'),
  t('prefect', 'Prefect', [], { prefect: 'list' }),
  t('dbt', 'dbt', ['dbt core', 'dbt cloud']),
  t('airbyte', 'Airbyte'),
  t('fivetran', 'Fivetran'),
  t('snowflake', 'Snowflake', [], { snowflake: 'capitalized' }),
  t('databricks', 'Databricks'),
  t('bigquery', 'BigQuery', ['big query']),
  t('redshift', 'Amazon Redshift', ['redshift', 'amazon redshift']),
  t('trino', 'Trino', ['presto', 'prestodb'], { presto: 'capitalized' }),
  t('hive', 'Apache Hive', ['apache hive'], { hive: 'list' }),
  t('iceberg', 'Apache Iceberg', ['apache iceberg']),
  t('looker', 'Looker', [], { looker: 'capitalized' }),
  t('tableau', 'Tableau'),
  t('power-bi', 'Power BI', ['power bi', 'powerbi']),
  t('metabase', 'Metabase'),
  t('superset', 'Apache Superset', ['apache superset'], { superset: 'list' }),
  t('mixpanel', 'Mixpanel'),
  t('amplitude', 'Amplitude', [], { amplitude: 'list' }),
  t('excel', 'Excel', ['microsoft excel', 'ms excel'], { excel: 'capitalized' }),
  t('spss', 'SPSS'),
  t('stata', 'Stata'),
  // Databases and storage
  t('postgres', 'PostgreSQL', ['postgres', 'postgresql', 'psql', 'postgis']),
  t('mysql', 'MySQL'),
  t('mariadb', 'MariaDB'),
  t('sqlite', 'SQLite'),
  t('sql-server', 'SQL Server', ['sql server', 'mssql', 'ms sql', 'microsoft sql server']),
  t('oracle', 'Oracle', ['oracle db', 'oracle database'], { oracle: 'capitalized' }),
  t('mongodb', 'MongoDB', ['mongo', 'mongodb']),
  t('redis', 'Redis'),
  t('memcached', 'Memcached'),
  t('elasticsearch', 'Elasticsearch', ['elastic search', 'elasticsearch']),
  t('opensearch', 'OpenSearch'),
  t('cassandra', 'Cassandra', ['apache cassandra'], { cassandra: 'capitalized' }),
  t('dynamodb', 'DynamoDB', ['dynamo db']),
  t('clickhouse', 'ClickHouse'),
  t('neo4j', 'Neo4j'),
  t('cockroachdb', 'CockroachDB'),
  t('influxdb', 'InfluxDB'),
  t('firebase', 'Firebase'),
  t('firestore', 'Firestore'),
  t('supabase', 'Supabase'),
  t('prisma', 'Prisma', [], { prisma: 'capitalized' }),
  t('pgvector', 'pgvector'),
  t('pinecone', 'Pinecone', [], { pinecone: 'list' }),
  // Cloud, infrastructure and delivery
  t('aws', 'AWS', ['amazon web services']),
  t('gcp', 'Google Cloud', ['gcp', 'google cloud', 'google cloud platform']),
  t('azure', 'Azure', ['microsoft azure'], { azure: 'capitalized' }),
  t('aws-lambda', 'AWS Lambda', ['aws lambda'], { lambda: 'list' }),
  t('s3', 'Amazon S3', ['amazon s3', 's3']),
  t('ec2', 'Amazon EC2', ['ec2']),
  t('ecs', 'Amazon ECS', ['ecs', 'fargate']),
  t('eks', 'Amazon EKS', ['eks']),
  t('gke', 'GKE'),
  t('cloudformation', 'CloudFormation'),
  t('aws-cdk', 'AWS CDK', ['aws cdk', 'cdk']),
  t('kinesis', 'Amazon Kinesis', ['kinesis']),
  t('docker', 'Docker'),
  t('kubernetes', 'Kubernetes', ['k8s', 'kube']),
  t('helm', 'Helm', ['helm charts', 'helm chart'], { helm: 'tech-context' }),
  t('terraform', 'Terraform'),
  t('pulumi', 'Pulumi'),
  t('ansible', 'Ansible'),
  t('chef', 'Chef', [], { chef: 'tech-context' }),
  t('puppet', 'Puppet', [], { puppet: 'tech-context' }),
  t('vault', 'HashiCorp Vault', ['hashicorp vault'], { vault: 'list' }),
  t('consul', 'Consul', ['hashicorp consul'], { consul: 'list' }),
  t('nomad', 'Nomad', ['hashicorp nomad'], { nomad: 'list' }),
  t('jenkins', 'Jenkins', [], { jenkins: 'capitalized' }),
  t('github-actions', 'GitHub Actions', ['github actions', 'gh actions']),
  t('gitlab', 'GitLab', ['gitlab ci', 'gitlab-ci']),
  t('circleci', 'CircleCI'),
  t('argo-cd', 'Argo CD', ['argocd', 'argo cd', 'argo workflows']),
  t('istio', 'Istio'),
  t('envoy', 'Envoy', [], { envoy: 'list' }),
  t('prometheus', 'Prometheus', [], { prometheus: 'capitalized' }),
  t('grafana', 'Grafana'),
  t('datadog', 'Datadog'),
  t('new-relic', 'New Relic', ['new relic', 'newrelic']),
  t('sentry', 'Sentry', [], { sentry: 'capitalized' }),
  t('splunk', 'Splunk'),
  t('opentelemetry', 'OpenTelemetry', ['otel']),
  t('nginx', 'NGINX'),
  t('linux', 'Linux'),
  t('cloudflare', 'Cloudflare'),
  t('vercel', 'Vercel'),
  t('netlify', 'Netlify'),
  t('heroku', 'Heroku'),
  t('openstack', 'OpenStack'),
  t('vmware', 'VMware'),
  t('ci-cd', 'CI/CD', ['ci/cd', 'cicd']),
  t('git', 'Git', [], { git: 'capitalized' }),
  t('github', 'GitHub'),
  t('bazel', 'Bazel'),
  t('gradle', 'Gradle'),
  t('maven', 'Maven', [], { maven: 'capitalized' }),
  t('cmake', 'CMake'),
  t('nix', 'Nix', ['nixos'], { nix: 'capitalized' }),
  // Security and identity
  t('okta', 'Okta'),
  t('auth0', 'Auth0'),
  t('keycloak', 'Keycloak'),
  t('oauth', 'OAuth', ['oauth2', 'oauth 2.0']),
  t('snyk', 'Snyk'),
  t('sonarqube', 'SonarQube'),
  // Testing
  t('jest', 'Jest', [], { jest: 'capitalized' }),
  t('vitest', 'Vitest'),
  t('cypress', 'Cypress', [], { cypress: 'capitalized' }),
  t('playwright', 'Playwright', [], { playwright: 'capitalized' }),
  t('selenium', 'Selenium', [], { selenium: 'capitalized' }),
  t('pytest', 'pytest'),
  t('junit', 'JUnit'),
  t('rspec', 'RSpec'),
  t('mocha', 'Mocha', [], { mocha: 'list' }),
  t('appium', 'Appium'),
  t('postman', 'Postman', [], { postman: 'capitalized' }),
  // Embedded, graphics, games
  t('arduino', 'Arduino'),
  t('ros', 'ROS', ['ros2'], { ros: 'capitalized' }),
  t('fpga', 'FPGA'),
  t('opengl', 'OpenGL'),
  t('vulkan', 'Vulkan'),
  t('ffmpeg', 'FFmpeg'),
  t('unity', 'Unity', ['unity3d', 'unity 3d'], { unity: 'tech-context' }),
  t('unreal', 'Unreal Engine', ['unreal engine', 'ue4', 'ue5'], { unreal: 'capitalized' }),
  t('godot', 'Godot'),
  t('blender', 'Blender', [], { blender: 'capitalized' }),
  // Business platforms and design tools
  t('salesforce', 'Salesforce'),
  t('hubspot', 'HubSpot'),
  t('shopify', 'Shopify'),
  t('wordpress', 'WordPress'),
  t('drupal', 'Drupal'),
  t('magento', 'Magento'),
  t('contentful', 'Contentful'),
  t('strapi', 'Strapi'),
  t('stripe', 'Stripe', ['stripe api'], { stripe: 'capitalized' }),
  t('twilio', 'Twilio'),
  t('zendesk', 'Zendesk'),
  t('jira', 'Jira'),
  t('sap', 'SAP'),
  t('netsuite', 'NetSuite'),
  t('servicenow', 'ServiceNow'),
  t('figma', 'Figma'),
  t('sketch', 'Sketch', ['sketch app'], { sketch: 'list' }),
  t('adobe-xd', 'Adobe XD', ['adobe xd']),
  t('photoshop', 'Photoshop', ['adobe photoshop']),
  t('illustrator', 'Adobe Illustrator', ['adobe illustrator']),
  t('after-effects', 'After Effects', ['after effects', 'adobe after effects']),
  t('framer', 'Framer', [], { framer: 'list' }),
  t('webflow', 'Webflow'),
  t('ethereum', 'Ethereum'),
];

/** Tag id -> display label. */
export const TAG_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  TAG_VOCABULARY.map((entry) => [entry.tag, entry.label]),
);

interface AliasHit {
  tag: string;
  guard: TagGuard | null;
}

const normalizeKey = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Every spelling (lowercase, words separated by one space or "/") -> the tags it names. */
const ALIASES: ReadonlyMap<string, readonly AliasHit[]> = (() => {
  const map = new Map<string, AliasHit[]>();
  for (const entry of TAG_VOCABULARY) {
    const guarded = entry.guarded ?? {};
    const spellings = new Set(
      [entry.tag, entry.label, ...(entry.aliases ?? []), ...Object.keys(guarded)].map(normalizeKey),
    );
    for (const spelling of spellings) {
      const hits = map.get(spelling) ?? [];
      if (!hits.some((hit) => hit.tag === entry.tag))
        hits.push({ tag: entry.tag, guard: guarded[spelling] ?? null });
      map.set(spelling, hits);
    }
  }
  return map;
})();

/**
 * Every leading word sequence of an alias, with its separators ("ruby", "ruby on", "ruby on rails";
 * "ci", "ci/cd"): the phrase lookup grows a key word by word and stops as soon as no alias begins so.
 */
const ALIAS_PREFIXES: ReadonlySet<string> = (() => {
  const prefixes = new Set<string>();
  for (const key of ALIASES.keys()) {
    for (let at = 0; at < key.length; at++)
      if (key[at] === ' ' || key[at] === '/') prefixes.add(key.slice(0, at));
    prefixes.add(key);
  }
  return prefixes;
})();

/** The longest alias counted in words, so the phrase lookup never tries more. */
const MAX_PHRASE_WORDS = Math.max(...[...ALIASES.keys()].map((key) => key.split(/[ /]/).length));

/** Descriptions beyond this are not scanned: requirements sit in the first pages. */
const MAX_SCANNED_TEXT = 100_000;
const MAX_SOURCE_TAGS = 100;

interface Word {
  text: string;
  lower: string;
  /** What separates this word from the previous one (raw text). */
  gap: string;
}

/**
 * Words as tech is written: letters and digits plus ". # + - _" inside ("node.js", "c++", "c#",
 * "ci/cd" is two words joined by "/"), an optional leading "." (".NET"), trailing dots and dashes
 * dropped ("Node.js." at a sentence end).
 */
const WORD = /\.?[\p{L}\p{N}][\p{L}\p{N}.#+\-_]*/gu;

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let previousEnd = 0;
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(text)) !== null) {
    const raw = match[0].replace(/[.\-_]+$/, '');
    if (raw === '') continue;
    words.push({ text: raw, lower: raw.toLowerCase(), gap: text.slice(previousEnd, match.index) });
    previousEnd = match.index + match[0].length;
  }
  return words;
}

/** Nouns that make a preceding ambiguous word technical: "Go developer", "React hooks", "Chef cookbooks". */
const TECH_NOUNS = new Set(
  (
    'developer developers engineer engineers engineering programming programmer programmers code coding codebase ' +
    'codebases language framework frameworks library libraries service services microservices backend back-end ' +
    'frontend front-end app apps application applications experience expertise skills stack development sdk api ' +
    'apis module modules components hooks ecosystem runtime toolchain project projects expert knowledge ' +
    'proficiency server servers cluster clusters charts chart cookbooks manifests playbooks templates ' +
    'scripts scripting queries pipelines jobs workflows ui'
  ).split(' '),
);

/** Words after which a capitalized ambiguous word is read as tech: "written in Go", "with React". */
const TECH_PREPOSITIONS = new Set(['in', 'with', 'using', 'like', 'via']);

const isCapitalized = (word: Word) => /^\p{Lu}/u.test(word.text);
const isWhitespace = (gap: string) => /^\s+$/.test(gap);
/** Gaps that can separate items of a list: "Python, Go", "Go/Rust", "Go & Rust", "Go (and Rust)". */
const isListGap = (gap: string) => /^[\s,/&|+;:()[\]•·*-]*$/.test(gap) && gap.length <= 6;

/**
 * A word that names a technology on its own: unguarded, or needing only a capital that it has.
 * Context-guarded words do not vouch for each other, so "Go, Go, Go!" stays untagged.
 */
function isPlainTechWord(word: Word | undefined): boolean {
  if (!word) return false;
  return (ALIASES.get(word.lower) ?? []).some(
    (hit) => hit.guard === null || (hit.guard === 'capitalized' && isCapitalized(word)),
  );
}

/**
 * The list neighbour of word i to the left (-1) or right (+1), skipping one "and"/"or"
 * ("Python, R and SQL"); -1 when the gap is prose rather than a list separator.
 */
function listNeighbour(words: readonly Word[], i: number, direction: -1 | 1): number {
  // The gap between two words belongs to the right-hand one.
  const gapOwner = (left: number) => words[left + 1]!;
  let j = i + direction;
  const left = Math.min(i, j);
  if (j < 0 || j >= words.length || !isListGap(gapOwner(left).gap)) return -1;
  if (/^(?:and|or)$/i.test(words[j]!.text) && isWhitespace(gapOwner(left).gap)) {
    const k = j + direction;
    if (k < 0 || k >= words.length || !isListGap(gapOwner(Math.min(j, k)).gap)) return -1;
    j = k;
  }
  return j;
}

/** A capitalized word that names a technology under some guard ("Puppet", "Go"). */
const isGuardedTechWord = (word: Word) =>
  isCapitalized(word) &&
  (ALIASES.get(word.lower) ?? []).some((hit) => hit.guard !== null && hit.guard !== 'never');

/**
 * True when word i sits in a list that contains a plainly technical word: "Chef, Puppet or Ansible"
 * walks from Chef over Puppet to Ansible. A list of ambiguous words alone proves nothing.
 */
function hasListNeighbour(words: readonly Word[], i: number): boolean {
  for (const direction of [-1, 1] as const) {
    let j = i;
    for (let steps = 0; steps < 4; steps++) {
      j = listNeighbour(words, j, direction);
      if (j < 0) break;
      const word = words[j]!;
      if (isPlainTechWord(word)) return true;
      if (!isGuardedTechWord(word)) break;
    }
  }
  return false;
}

function passesGuard(guard: TagGuard | null, words: readonly Word[], i: number): boolean {
  if (guard === null) return true;
  if (guard === 'never') return false;
  const word = words[i]!;
  if (!isCapitalized(word)) return false;
  if (guard === 'capitalized') return true;
  const next = words[i + 1];
  const nextIsClose = next !== undefined && isWhitespace(next.gap);
  if (nextIsClose && /^\d/.test(next.text)) return false;
  if (nextIsClose && TECH_NOUNS.has(next.lower)) return true;
  if (hasListNeighbour(words, i)) return true;
  if (guard === 'list') return false;
  const previous = words[i - 1];
  return previous !== undefined && isWhitespace(word.gap) && TECH_PREPOSITIONS.has(previous.lower);
}

/** Adds the tags found in `text` to `found`. `guarded` false trusts every bare word (source tags). */
function collectTags(text: string, found: Set<string>, guarded: boolean): void {
  const words = splitWords(text);
  let i = 0;
  while (i < words.length) {
    let consumed = 0;
    // The longest alias starting at word i wins. Keys grow a word at a time (this runs for every word
    // of every description), and stop at a gap that cannot join a phrase or a key no alias begins with.
    let longest: { n: number; hits: readonly AliasHit[] } | null = null;
    let key = words[i]!.lower;
    for (let n = 1; n <= Math.min(MAX_PHRASE_WORDS, words.length - i); n++) {
      if (n > 1) {
        const word = words[i + n - 1]!;
        const separator = isWhitespace(word.gap) ? ' ' : word.gap === '/' ? '/' : null;
        if (separator === null) break;
        key += separator + word.lower;
      }
      if (!ALIAS_PREFIXES.has(key)) break;
      const hits = ALIASES.get(key);
      if (hits) longest = { n, hits };
    }
    if (longest) {
      for (const hit of longest.hits) {
        if (!guarded || passesGuard(longest.n === 1 ? hit.guard : null, words, i)) found.add(hit.tag);
      }
      consumed = longest.n;
    }
    if (consumed === 0) {
      // "Kubernetes-based", "TypeScript-first": the part before a hyphen, when it needs no guard.
      const lower = words[i]!.lower;
      const dash = lower.indexOf('-');
      if (dash > 0) {
        for (const hit of ALIASES.get(lower.slice(0, dash)) ?? []) if (hit.guard === null) found.add(hit.tag);
      }
    }
    i += Math.max(consumed, 1);
  }
}

/**
 * Canonical tags (sorted, unique) named in a posting's title, its description's plain text and the
 * source's own keywords (Recruitee tags, Personio keywords), which are trusted without guards.
 */
export function extractTags(
  title: string | null | undefined,
  descriptionText: string | null | undefined,
  sourceTags: readonly string[] = [],
): string[] {
  const found = new Set<string>();
  if (typeof title === 'string') collectTags(title.slice(0, 500), found, true);
  if (typeof descriptionText === 'string')
    collectTags(descriptionText.slice(0, MAX_SCANNED_TEXT), found, true);
  for (const sourceTag of sourceTags.slice(0, MAX_SOURCE_TAGS)) {
    if (typeof sourceTag === 'string') collectTags(sourceTag.slice(0, 200), found, false);
  }
  return [...found].sort();
}

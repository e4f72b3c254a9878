import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TAG_LABELS, TAG_VOCABULARY, extractTags } from './tags';

/** [title, description text, tags expected (exactly)] */
const CASES: Array<[string, string, string[]]> = [
  // Aliases resolve to one canonical tag
  ['Backend Engineer', 'We use Node.js and PostgreSQL.', ['node', 'postgres']],
  ['Backend Engineer', 'Our stack: nodejs, postgres, redis', ['node', 'postgres', 'redis']],
  ['Backend Engineer', 'Experience with Golang microservices', ['go']],
  [
    'Platform Engineer',
    'We run everything on k8s with Helm charts and Terraform.',
    ['helm', 'kubernetes', 'terraform'],
  ],
  [
    'Frontend Engineer',
    'React.js, TypeScript, Next.js and Tailwind CSS',
    ['nextjs', 'react', 'tailwind', 'typescript'],
  ],
  ['Frontend Engineer', 'Vue 3, Nuxt.js, SCSS', ['nuxt', 'sass', 'vue']],
  ['Engineer', 'Strong C/C++ skills', ['c', 'cpp']],
  ['Engineer', 'Embedded C on ARM, some C++', ['c', 'cpp']],
  ['.NET Developer', 'C# and ASP.NET Core, SQL Server', ['csharp', 'dotnet', 'sql-server']],
  ['Engineer', 'CI/CD with GitHub Actions', ['ci-cd', 'github-actions']],
  ['Data Engineer', 'PySpark, Apache Airflow, dbt and Snowflake', ['airflow', 'dbt', 'snowflake', 'spark']],
  ['Engineer', 'Ruby on Rails monolith, Sidekiq', ['rails', 'sidekiq']],
  ['Java Developer', 'Spring Boot, Hibernate, Kafka', ['hibernate', 'java', 'kafka', 'spring']],
  ['ML Engineer', 'PyTorch, scikit-learn, Hugging Face', ['hugging-face', 'pytorch', 'scikit-learn']],
  ['Engineer', 'AWS (Lambda, S3), GCP and Azure', ['aws', 'aws-lambda', 'azure', 'gcp', 's3']],
  ['Engineer', 'Node.js.', ['node']],
  ['Engineer', 'Kubernetes-based platform', ['kubernetes']],
  // "Go" only as Golang or in tech context
  ['Senior Go Engineer', '', ['go']],
  ['Engineer', 'Our services are written in Go.', ['go']],
  ['Engineer', 'Python, Go, Rust', ['go', 'python', 'rust']],
  ['Engineer', 'We go above and beyond for customers.', []],
  ['Engineer', 'Go to market with us. Go beyond!', []],
  ['Account Executive', 'Own the go-to-market motion.', []],
  // Rust
  ['Rust Engineer', 'Rust experience required', ['rust']],
  ['Engineer', 'Our rust-proof coatings and rusty pipes', []],
  // Swift
  ['iOS Engineer', 'Swift and SwiftUI', ['ios', 'swift', 'swiftui']],
  ['Engineer', 'We value swift decisions.', []],
  ['Engineer', 'Swift delivery is our motto.', []],
  // Spring
  ['Engineer', 'Starting in Spring 2025', []],
  ['Engineer', 'Our spring offsite in Lisbon', []],
  ['Engineer', 'Java, Spring, PostgreSQL', ['java', 'postgres', 'spring']],
  // React as a verb
  ['Engineer', 'You will react to incidents quickly.', []],
  ['SRE', 'React quickly to alerts and pages.', []],
  ['Engineer', 'Build UIs with React and Redux', ['react', 'redux']],
  ['Engineer', 'Deep React experience', ['react']],
  // Rails, Chef, Puppet, Elm, Helm as ordinary words
  ['Engineer', 'We put guard rails around deploys.', []],
  ['Engineer', 'Chef, Puppet or Ansible', ['ansible', 'chef', 'puppet']],
  ['Cook', 'Our head chef runs a puppet theatre', []],
  ['Engineer', 'Under the elm tree', []],
  ['Engineer', 'Frontend written in Elm', ['elm']],
  ['Engineer', 'You will take the helm of our team', []],
  // C, R, Less
  ['Engineer', 'Grade C or better. Section C, page 4.', []],
  ['Data Scientist', 'Python, R, SQL', ['python', 'r', 'sql']],
  ['Data Scientist', 'Python, R and SQL', ['python', 'r', 'sql']],
  ['Engineer', 'R&D team. Plan R. Less is more; less meetings.', []],
  ['Engineer', 'Sass or LESS? We write CSS.', ['css', 'sass']],
  // Other ordinary words
  ['Engineer', 'A snowflake of a problem, a spark of joy, a jest.', []],
  ['Engineer', 'Work with Snowflake and Spark', ['snowflake', 'spark']],
  ['Designer', 'Sketch ideas quickly; Figma, Sketch and Framer', ['figma', 'framer', 'sketch']],
  ['Engineer', 'Unity developer for our game', ['unity']],
  ['Engineer', 'Team unity matters', []],
  ['Engineer', 'Stripe and Twilio integrations', ['stripe', 'twilio']],
  ['Engineer', 'Active TS/SCI clearance required', []],
  ['Engineer', 'JS/TS, HTML', ['html', 'javascript', 'typescript']],
  ['Engineer', '', []],
];

describe('extractTags', () => {
  it.each(CASES)('tags %j / %j as %j', (title, text, expected) => {
    expect(extractTags(title, text, [])).toEqual(expected);
  });

  it('trusts the source keywords, mapping them through aliases', () => {
    expect(extractTags('Engineer', '', ['Go', 'postgresql', 'React.js', 'Unknown Thing'])).toEqual([
      'go',
      'postgres',
      'react',
    ]);
  });

  it('returns sorted unique tags', () => {
    expect(extractTags('Node.js Engineer', 'node.js NodeJS node js', ['nodejs'])).toEqual(['node']);
  });
});

describe('TAG_VOCABULARY', () => {
  it('has about 200 technologies with unique ids and labels', () => {
    const ids = TAG_VOCABULARY.map((entry) => entry.tag);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(190);
    for (const entry of TAG_VOCABULARY) {
      expect(entry.tag).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(entry.label.trim()).not.toBe('');
    }
  });

  it('exposes labels for display', () => {
    expect(TAG_LABELS.node).toBe('Node.js');
    expect(TAG_LABELS.postgres).toBe('PostgreSQL');
    expect(TAG_LABELS.go).toBe('Go');
  });

  it('only produces tags that are in the vocabulary', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            ...TAG_VOCABULARY.flatMap((e) => [e.label, ...(e.aliases ?? [])]),
            ',',
            ' and ',
            'Go',
            'in',
          ),
          { maxLength: 30 },
        ),
        (pieces) => {
          for (const tag of extractTags('', pieces.join(' '), [])) expect(TAG_LABELS[tag]).toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('extractTags on hostile input', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ unit: 'grapheme', maxLength: 500 }),
        fc.array(fc.string()),
        (title, text, tags) => {
          extractTags(title, text, tags);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('returns on 1 MB inputs', () => {
    expect(extractTags('x', 'Go, '.repeat(250_000), [])).toEqual([]);
    expect(extractTags('x'.repeat(1_000_000), '-'.repeat(1_000_000), ['a'.repeat(1_000_000)])).toEqual([]);
    expect(extractTags('', 'Python '.repeat(150_000), [])).toEqual(['python']);
  });
});

import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'bench/results/']},
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname},
		},
		plugins: {'react-hooks': reactHooks},
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/consistent-type-imports': 'error',
			// node:test's test()/describe() return promises the runner itself awaits.
			'@typescript-eslint/no-floating-promises': [
				'error',
				{
					allowForKnownSafeCalls: [
						{from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite']},
					],
				},
			],
			eqeqeq: ['error', 'smart'],
		},
	},
	{
		// Ink owns stdout while the app runs: UI code never writes to the console.
		files: ['source/app.tsx', 'source/screens/**', 'source/components/**', 'source/hooks/**'],
		rules: {'no-console': 'error'},
	},
	{
		files: ['**/*.js'],
		...tseslint.configs.disableTypeChecked,
	},
);

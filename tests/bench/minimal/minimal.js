// The smallest page that does runner-token's core job: one POST, then the token and the command.
const $ = (id) => document.getElementById(id);
$('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const org = $('org').value.trim();
  const api = $('api').value.trim().replace(/\/$/, '');
  const web = api.endsWith('/api/v3') ? api.slice(0, -7) : api.replace('://api.', '://');
  const response = await fetch(`${api}/orgs/${encodeURIComponent(org)}/actions/runners/registration-token`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${$('token').value.trim()}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' },
  });
  const { token } = await response.json();
  $('result-heading').textContent = `Registration token for ${org}`;
  $('token-value').textContent = token;
  $('command').textContent = `./config.sh --url ${web}/${org} --token ${token}`;
  $('result').hidden = false;
});
$('form').querySelector('button').disabled = false;

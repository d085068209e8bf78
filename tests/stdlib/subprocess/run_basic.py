import os
import subprocess
import sys

r = subprocess.run(['echo', 'hi'], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(subprocess.check_output(['sh', '-c', 'echo out; echo err >&2'], stderr=subprocess.STDOUT, text=True), end='')
r = subprocess.run(['cat'], input=b'fed through stdin\n' * 3, stdout=subprocess.PIPE)
print(r.stdout)
r = subprocess.run(['sh', '-c', 'exit 3'])
print(r.returncode)
try:
    subprocess.check_call(['sh', '-c', 'exit 2'])
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode)
try:
    subprocess.run(['/nonexistent/program'])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
try:
    subprocess.run(['pwd'], cwd='/nonexistent/dir')
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
print(subprocess.run(['pwd'], cwd='/tmp', capture_output=True, text=True).stdout, end='')
env = {'ONLY_VAR': 'value', 'PATH': os.environ.get('PATH', '/usr/bin:/bin')}
print(subprocess.run(['sh', '-c', 'echo $ONLY_VAR'], env=env, capture_output=True, text=True).stdout, end='')
p = subprocess.Popen(['sh', '-c', 'read x; echo got $x'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, _ = p.communicate(b'line\n')
print(out, p.returncode)
r = subprocess.run(['sleep', '5'], timeout=None) if False else None
try:
    subprocess.run(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired")
print(subprocess.getoutput('echo $((6*7))'))
r = subprocess.run(['sh', '-c', 'echo $0'], capture_output=True, text=True, preexec_fn=lambda: os.environ.__setitem__('X', '1'))
print(r.stdout.strip() != '')
def bad():
    raise ValueError("boom")
try:
    subprocess.run(['true'], preexec_fn=bad)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
r = subprocess.run(['sh', '-c', 'kill -TERM $$'])
print(r.returncode)
p = subprocess.Popen(['sh', '-c', 'ls /proc/self/fd | wc -l'], stdout=subprocess.PIPE, close_fds=True)
print(int(p.stdout.read()) <= 5)
p.stdout.close()
p.wait()

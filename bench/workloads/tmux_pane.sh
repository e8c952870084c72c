# The first pane of bench/corpus.py's tmux workload: writes numbered lines
# (scrolled into the history), then signals channel "done" with the program
# itself ($ESC_TMUX, its socket in $ESC_TMUX_SOCKET) and waits for input.
i=0
while [ $i -lt 20000 ]; do
  printf 'line %05d %s\n' $i 'abcdefghijklmnopqrstuvwxyz0123456789'
  i=$((i + 1))
done
"$ESC_TMUX" -S "$ESC_TMUX_SOCKET" wait-for -S done
exec cat

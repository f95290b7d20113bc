// MeCab, the morphological analyser (Debian's libmecab-dev; the dictionary is mecab-ipadic-utf8).
// libmecab ships no pkg-config file: `mecab-config --libs` is just -lmecab, which the module map links.
#include <mecab.h>
